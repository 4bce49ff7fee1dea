using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Revisions;

/// <summary>
/// Prunes revisions by <see cref="RevisionPruning"/>'s policy every <see cref="Interval"/>, and drops the article
/// forms kept across an expired sign-in once they expire. Any node may run it: both deletions are idempotent.
/// </summary>
public sealed class RevisionPruningWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RevisionPruningWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Raised after each timed round with how many revisions went, for tests that move the clock and wait.</summary>
    public event Action<int>? Pruned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                Pruned?.Invoke(await RunOnceAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Pruning revisions failed; trying again at the next round");
            }
        }
    }

    /// <summary>One round; returns how many revisions went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var pruned = await RevisionPruning.PruneAsync(db, now, ct);
        var forms = await db.KeptArticleForms.Where(f => f.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        if (pruned > 0 || forms > 0)
            log.LogInformation("Pruned {Revisions} article revisions and {Forms} expired kept forms", pruned, forms);
        return pruned;
    }
}
