using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Readers;

/// <summary>
/// «الأكثر قراءة»: the public articles read most in the last 24 hours, kept in memory so that a page shows it
/// without a query. <see cref="ReadsFlush"/> computes it again on a schedule; only when it changed are the pages
/// that show it evicted (they carry <see cref="CacheTag"/>, added as they render the block).
/// </summary>
public sealed class MostRead(IOptions<ReadersOptions> options, TimeProvider clock)
{
    public const string CacheTag = "most-read";

    private volatile IReadOnlyList<ArticleCard> _articles = [];

    public IReadOnlyList<ArticleCard> Articles => _articles;

    /// <summary>Computes the list again; true when it differs from the one shown.</summary>
    public async Task<bool> RefreshAsync(MadarDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.MostReadWindow;
        var top = await db.ArticleViews.AsNoTracking()
            .Where(v => v.Hour >= since)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.ArticleId)
            .Take(options.Value.MostReadCount * 2) // room for some that are no longer public
            .ToListAsync(ct);
        var ids = top.Select(t => t.ArticleId).ToList();
        var cards = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).PublicAt(now).ToCards().ToListAsync(ct);
        var list = top.Join(cards, t => t.ArticleId, c => c.Id, (_, c) => c).Take(options.Value.MostReadCount).ToList();

        var changed = !list.Select(c => (c.Id, c.Title, c.Slug)).SequenceEqual(_articles.Select(c => (c.Id, c.Title, c.Slug)));
        _articles = list;
        return changed;
    }
}

/// <summary>
/// Writes the counted reads every <see cref="ReadersOptions.ViewFlushInterval"/> and refreshes «الأكثر قراءة» every
/// <see cref="ReadersOptions.MostReadRefresh"/>, and at once when another node evicted the pages that show it (its
/// list changed), so that this node does not put its older list back into the shared cache.
/// </summary>
public sealed class ReadsFlush : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly ViewCounter counter;
    private readonly MostRead mostRead;
    private readonly PageCache cache;
    private readonly IOptions<ReadersOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<ReadsFlush> log;
    private volatile bool _refreshNow;
    private TaskCompletionSource _wakeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReadsFlush(IServiceScopeFactory scopes, ViewCounter counter, MostRead mostRead, PageCache cache, IOptions<ReadersOptions> options,
        TimeProvider clock, ILogger<ReadsFlush> log)
    {
        (this.scopes, this.counter, this.mostRead, this.cache, this.options, this.clock, this.log) = (scopes, counter, mostRead, cache, options, clock, log);
        cache.Evicted += tags =>
        {
            if (!tags.Contains(MostRead.CacheTag)) return;
            _refreshNow = true;
            Volatile.Read(ref _wakeUp).TrySetResult();
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var nextRefresh = DateTime.MinValue; // at start-up: the list from the reads already stored
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
                    var written = await counter.FlushAsync(db, stoppingToken);
                    if (written > 0) log.LogDebug("Wrote {Reads} article reads", written);
                    var now = clock.GetUtcNow().UtcDateTime;
                    if (now >= nextRefresh || _refreshNow)
                    {
                        _refreshNow = false;
                        nextRefresh = now + options.Value.MostReadRefresh;
                        if (await mostRead.RefreshAsync(db, stoppingToken))
                            await cache.EvictAsync([MostRead.CacheTag], stoppingToken);
                        // Only the window is ever read: older hours go.
                        var cutoff = now - options.Value.MostReadWindow - TimeSpan.FromHours(1);
                        await db.ArticleViews.Where(v => v.Hour < cutoff).ExecuteDeleteAsync(stoppingToken);
                    }
                }
                var wakeUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _wakeUp, wakeUp);
                if (!_refreshNow) // an eviction that came during the refresh above
                    await Task.WhenAny(Task.Delay(options.Value.ViewFlushInterval, clock, stoppingToken), wakeUp.Task);
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Writing article reads failed; trying again at the next interval");
                try { await Task.Delay(options.Value.ViewFlushInterval, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>On shutdown the reads counted since the last flush are written too.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await counter.FlushAsync(scope.ServiceProvider.GetRequiredService<MadarDb>(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "The last article reads could not be written at shutdown");
        }
    }
}
