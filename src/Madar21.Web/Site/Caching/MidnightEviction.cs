namespace Madar21.Web.Site.Caching;

/// <summary>
/// Every public page shows today's date in its masthead: at midnight in Casablanca the cached pages are evicted, so
/// that none shows yesterday. (A page rendered just before midnight and finished after it is not kept either: the
/// eviction changes <see cref="PageCache.Generation"/>.)
/// </summary>
public sealed class MidnightEviction(PageCache cache, TimeProvider clock, ILogger<MidnightEviction> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var midnight = MoroccanDate.NextMidnight(clock.GetUtcNow().UtcDateTime);
                // A timer may fire a little early: sleep again until the day has really changed.
                for (var now = clock.GetUtcNow().UtcDateTime; now < midnight; now = clock.GetUtcNow().UtcDateTime)
                    await Task.Delay(midnight - now, clock, stoppingToken);
                await cache.EvictAsync([CacheTags.Site], stoppingToken);
                log.LogInformation("A new day in Casablanca: cached pages evicted for the masthead's date");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
