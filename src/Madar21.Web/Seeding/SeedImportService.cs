using Madar21.Web.Data;
using Madar21.Web.Site;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Seeding;

/// <summary>
/// Scans the seed folder in the background once the site is up, so that start-up does not wait for a large
/// folder. <see cref="Completion"/> lets tests (and a health probe) know when the scan is over.
/// </summary>
public sealed class SeedImportService(IServiceScopeFactory scopes, IOptions<SeedOptions> options, IHostEnvironment env, ILogger<SeedImportService> log)
    : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var folder = SeedFolder.Resolve(options.Value.Path, env.ContentRootPath);
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<SeedImporter>();
            await importer.ImportFolderAsync(folder, options.Value.BatchSize, stoppingToken);
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
