using System.Diagnostics;
using Madar21.Web.Data;
using Madar21.Web.Search;
using Madar21.Web.Seeding;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>
/// Computes the related lists queued in <c>RelatedPending</c> by bulk saves (a seed import), in batches, once the
/// start-up import is over so that every list sees the whole archive. It polls the queue rather than waiting for a
/// signal in memory, so that any node of a cluster may drain what another queued.
/// </summary>
public sealed class RelatedListsWorker(
    IServiceScopeFactory scopes, SeedImportService seedImport, PageCache pages, ILogger<RelatedListsWorker> log) : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the queue left by the start-up import has been drained (and its eviction of the lists done), so
    /// that a caller can tell the site has settled; later saves queue and drain as before.
    /// </summary>
    public Task CaughtUp => _caughtUp.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try { await seedImport.Completion.WaitAsync(stoppingToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { } // a failed import still leaves lists to compute

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainAsync(stoppingToken) == 0)
                {
                    _caughtUp.TrySetResult();
                    await Task.Delay(Idle, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Computing related articles failed; trying again later");
                await Task.Delay(Idle * 15, stoppingToken);
            }
        }
    }

    /// <summary>Computes every queued list; returns how many. Public for tests and for a command line.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var candidates = new RelatedLists.Candidates();
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
            var search = scope.ServiceProvider.GetRequiredService<IArticleSearch>();
            var ids = await db.RelatedPending.OrderBy(p => p.ArticleId).Select(p => p.ArticleId).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;

            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // The articles a batch names are computed again only when they are not queued themselves.
                await RelatedLists.RefreshAsync(db, search, ids, [], async neighbours =>
                    (await db.RelatedPending.Where(p => neighbours.Contains(p.ArticleId) && !ids.Contains(p.ArticleId))
                        .Select(p => p.ArticleId).ToListAsync(ct)).ToHashSet(), candidates, ct);
                await db.RelatedPending.Where(p => ids.Contains(p.ArticleId)).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
            }
            total += ids.Count;
            // Article pages show their related list: those cached are stale now.
            await pages.EvictAsync([CacheTags.Lists], ct);
        }
        if (total > 0)
            log.LogInformation("Related articles computed for {Articles} articles in {ElapsedMs} ms", total, stopwatch.ElapsedMilliseconds);
        return total;
    }
}
