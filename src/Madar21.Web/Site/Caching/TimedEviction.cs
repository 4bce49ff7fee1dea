using Madar21.Web.Data;
using Madar21.Web.Readers;
using Madar21.Web.Site.Dates;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Pages that go stale by time alone, with no save to evict them: every public page shows today's date in the
/// masthead (stale at midnight in Casablanca) and the «عاجل» line until its expiry. This service sleeps until the
/// next of those moments and evicts every cached page then. (A page rendered just before and finished after is
/// not kept either: the eviction changes <see cref="PageCache.Generation"/>.)
/// </summary>
public sealed class TimedEviction(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<TimedEviction> log) : BackgroundService
{
    private TaskCompletionSource _wakeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called after a site-wide save: the «عاجل» line's expiry may have changed.</summary>
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
                var due = MoroccanDate.NextMidnight(now);
                var expiry = await BreakingExpiryAsync(stoppingToken);
                if (expiry > now && expiry < due) due = expiry.Value;

                // A timer may fire a little early: sleep again until the moment has really come.
                var woken = false;
                for (now = clock.GetUtcNow().UtcDateTime; now < due && !woken; now = clock.GetUtcNow().UtcDateTime)
                {
                    try { await wakeUp.Task.WaitAsync(due - now, clock, stoppingToken); woken = true; }
                    catch (TimeoutException) { }
                }
                if (woken) continue;

                await cache.EvictAsync([CacheTags.Site], stoppingToken);
                log.LogInformation("Cached pages evicted at {DueAt}: a new day or the end of the breaking news", due);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Timed eviction failed; trying again in a minute");
                try { await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<DateTime?> BreakingExpiryAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await ReaderSettingsAccess.LoadAsync(scope.ServiceProvider.GetRequiredService<MadarDb>(), cache);
        return string.IsNullOrEmpty(settings.BreakingText) ? null : settings.BreakingExpiresAt;
    }
}
