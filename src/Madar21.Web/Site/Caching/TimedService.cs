namespace Madar21.Web.Site.Caching;

/// <summary>
/// A background service that sleeps until the next moment something goes stale by time alone, acts then, and is
/// woken early by <see cref="Reschedule"/> when a save may have moved that moment. A timer may fire a little early,
/// so it sleeps again until the moment has really come; with nothing known it looks again every hour.
/// </summary>
public abstract class TimedService(TimeProvider clock, ILogger log) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private TaskCompletionSource _wakeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called after a save that may have changed the next moment.</summary>
    public void Reschedule() => Volatile.Read(ref _wakeUp).TrySetResult();

    /// <summary>The next moment after <paramref name="now"/>, or null when none is known.</summary>
    protected abstract Task<DateTime?> NextMomentAsync(DateTime now, CancellationToken ct);

    /// <summary>What to do once <paramref name="due"/> has come.</summary>
    protected abstract Task OnMomentAsync(DateTime due, CancellationToken ct);

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
                log.LogError(ex, "{Service} failed; trying again in a minute", GetType().Name);
                try { await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
