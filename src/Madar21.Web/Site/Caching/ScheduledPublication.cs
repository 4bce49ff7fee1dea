using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// A scheduled article becomes public by time alone (<see cref="ArticleQueries.PublicAt"/>), with no save that
/// would evict the cached lists. This service sleeps until the next publication time and evicts them then.
/// (The article's own page answered 404 until then, and a 404 is never cached.)
/// </summary>
public sealed class ScheduledPublication(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<ScheduledPublication> log)
    : BackgroundService
{
    // Even with nothing scheduled, look again now and then.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private TaskCompletionSource _wakeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called after a save that touched articles: the next due time may have changed.</summary>
    public void Reschedule() => Volatile.Read(ref _wakeUp).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wakeUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _wakeUp, wakeUp);

                var now = clock.GetUtcNow().UtcDateTime;
                var next = await NextDueAsync(now, stoppingToken);
                var sleep = next is { } at && at - now < LongestSleep ? at - now : LongestSleep;
                try { await wakeUp.Task.WaitAsync(sleep, clock, stoppingToken); }
                catch (TimeoutException) { }

                if (next is { } due && clock.GetUtcNow().UtcDateTime >= due)
                {
                    await cache.EvictAsync([CacheTags.Lists], stoppingToken);
                    log.LogInformation("Scheduled articles due at {DueAt} are now public", due);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Scheduled publication check failed; trying again in a minute");
                try { await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<DateTime?> NextDueAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        return await db.Articles.AsNoTracking()
            .ScheduledAfter(now)
            .MinAsync(a => a.PublishedAt, ct);
    }
}
