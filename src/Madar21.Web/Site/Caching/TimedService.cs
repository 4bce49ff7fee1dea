using Madar21.Web.Data;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Cached pages that go stale by time alone, with no save to evict them: a background service that sleeps until the
/// next such moment, evicts <see cref="Tag"/> then, and is woken early by <see cref="Reschedule"/> when the moment may
/// have moved: after any eviction of that tag, on this node or another (each node runs its own; one eviction per node
/// at a due time is harmless, and none is missed while one node is up). A timer may fire a little early, so it sleeps
/// again until the moment has really come; with nothing known it looks again every hour.
/// </summary>
public abstract class TimedService : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private TaskCompletionSource _wakeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected TimedService(string tag, IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger log)
    {
        (Tag, this.scopes, Cache, this.clock, Log) = (tag, scopes, cache, clock, log);
        cache.Evicted += tags => { if (tags.Contains(tag)) Reschedule(); };
    }

    /// <summary>The cache tag that goes stale at each moment.</summary>
    protected string Tag { get; }
    protected PageCache Cache { get; }
    protected ILogger Log { get; }

    /// <summary>Called after a save that may have changed the next moment.</summary>
    public void Reschedule() => Volatile.Read(ref _wakeUp).TrySetResult();

    /// <summary>The next moment after <paramref name="now"/>, or null when none is known.</summary>
    protected abstract Task<DateTime?> NextMomentAsync(MadarDb db, DateTime now, CancellationToken ct);

    /// <summary>The log line once <paramref name="due"/> has come and <see cref="Tag"/> has been evicted.</summary>
    protected abstract void LogEvicted(DateTime due);

    private async Task<DateTime?> NextMomentAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await NextMomentAsync(scope.ServiceProvider.GetRequiredService<MadarDb>(), now, ct);
    }

    private async Task OnMomentAsync(DateTime due, CancellationToken ct)
    {
        await Cache.EvictAsync([Tag], ct);
        LogEvicted(due);
    }

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
                var next = await NextMomentAsync(now, stoppingToken);
                var until = next is { } at && at - now < LongestSleep ? at : now + LongestSleep;
                var woken = false;
                for (now = clock.GetUtcNow().UtcDateTime; now < until && !woken; now = clock.GetUtcNow().UtcDateTime)
                {
                    try { await wakeUp.Task.WaitAsync(until - now, clock, stoppingToken); woken = true; }
                    catch (TimeoutException) { }
                }

                if (next is { } due && clock.GetUtcNow().UtcDateTime >= due)
                    await OnMomentAsync(due, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LogError(ex, "{Service} failed; trying again in a minute", GetType().Name);
                try { await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
