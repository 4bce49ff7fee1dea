using Madar21.Web.Data;
using Madar21.Web.Site;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Seeding;

/// <summary>
/// Scans the seed folder in the background once the site is up, so that start-up does not wait for a large
/// folder. <see cref="Completion"/> lets tests (and a health probe) know when the scan is over. Several nodes on one
/// database take turns: the import runs under a lease (<see cref="DatabaseLease"/>), and a node that finds another
/// importing skips, and says so in its log.
/// </summary>
public sealed class SeedImportService(
    IServiceScopeFactory scopes, IOptions<SeedOptions> options, IHostEnvironment env, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILogger<SeedImportService> log)
    : BackgroundService
{
    public const string LeaseName = "seed-import";

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Renewed every third of its length while the import runs, so it outlives no node by more than two minutes.
    private readonly DatabaseLease _lease = new(LeaseName, TimeSpan.FromMinutes(2), clock);

    public Task Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Once the site answers: reading 100,000 files' times and the articles' seed keys would otherwise share
            // the cores with the start-up it does not hold up.
            await WhenStartedAsync(stoppingToken);
            await ImportOnceAsync(stoppingToken);
            _done.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            // The site keeps serving what the database already has.
            log.LogError(ex, "Seed import failed");
            _done.TrySetException(ex);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Imports the seed folder unless another node is importing it now; false when it skipped.</summary>
    public async Task<bool> ImportOnceAsync(CancellationToken ct)
    {
        var folder = SeedFolder.Resolve(options.Value.Path, env.ContentRootPath);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        if (!await _lease.TryTakeAsync(db, ct))
        {
            log.LogInformation("Seed import skipped: another node ({Holder}) is importing {SeedFolder}", await _lease.HolderAsync(db, ct), folder);
            return false;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewAsync(stop.Token);
        try
        {
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportFolderAsync(folder, options.Value.BatchSize, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await renewing;
            await _lease.ReleaseAsync(db, CancellationToken.None);
        }
        return true;
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_lease.Duration / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await _lease.TryTakeAsync(scope.ServiceProvider.GetRequiredService<MadarDb>(), ct))
                    log.LogWarning("Seed import lease {Lease} was taken by another node while this one was importing", LeaseName);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}

public static class SeedFolder
{
    /// <summary>
    /// A configured path is taken as it is (relative to the content root); otherwise the <c>seeds/</c> folder beside
    /// <c>Madar21.sln</c>, so that <c>dotnet run</c> finds it from the repository root or from the project folder.
    /// </summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, contentRoot);
        var root = RepositoryRoot.Find(contentRoot);
        return Path.Combine(root ?? contentRoot, "seeds");
    }
}
