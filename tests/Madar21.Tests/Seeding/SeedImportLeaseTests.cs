using Madar21.Tests.Infrastructure;
using Madar21.Web.Data;
using Madar21.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Seeding;

/// <summary>Two nodes on one database: the seed import runs on one of them at a time.</summary>
public class SeedImportLeaseTests
{
    /// <summary>The first node (SQLite here, PostgreSQL in the subclass).</summary>
    protected virtual MadarFactory NewNode() => new();

    [SkippableFact]
    public async Task Two_imports_started_at_once_on_one_database_import_once_and_the_other_node_logs_a_skip()
    {
        using var first = NewNode();
        await first.StartAsync();
        var connectionString = await first.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        using var second = new MadarFactory()
            .With("Database:Provider", first.Provider)
            .With("ConnectionStrings:Default", connectionString)
            .With("Seeds:Path", first.SeedsPath);
        await second.StartAsync();
        const int files = 300;
        for (var i = 0; i < files; i++)
            await File.WriteAllTextAsync(Path.Combine(first.SeedsPath, $"lease-{i:D3}.txt"), $"سياسة\n\nخبر رقم {i} عن الانتخابات\n\nنص الخبر رقم {i}.\n");

        // While another node holds the lease, an import skips, says so, and imports nothing.
        var otherNode = new DatabaseLease(SeedImportService.LeaseName, TimeSpan.FromMinutes(2), first.Clock);
        Assert.True(await first.WithDb(db => otherNode.TryTakeAsync(db, CancellationToken.None)));
        Assert.False(await second.Services.GetRequiredService<SeedImportService>().ImportOnceAsync(CancellationToken.None));
        Assert.Contains("Seed import skipped: another node", second.Logs.AllText);
        Assert.Equal(0, await first.WithDb(db => db.Articles.CountAsync(a => a.SeedKey!.StartsWith("lease-"))));
        await first.WithDb(db => otherNode.ReleaseAsync(db, CancellationToken.None));

        // Both started at the same moment: one imports while the other skips, or (when the first is done before the
        // second asks) they take turns; either way every file is imported once.
        using var start = new SemaphoreSlim(0);
        var imports = new[] { first, second }.Select(node => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await node.Services.GetRequiredService<SeedImportService>().ImportOnceAsync(CancellationToken.None);
        })).ToList();
        start.Release(imports.Count);
        var imported = await Task.WhenAll(imports);

        Assert.Contains(true, imported);
        var keys = await first.WithDb(db => db.Articles.AsNoTracking().Where(a => a.SeedKey!.StartsWith("lease-")).Select(a => a.SeedKey!).ToListAsync());
        Assert.Equal(files, keys.Count);
        Assert.Equal(files, keys.Distinct().Count());
        Assert.Empty(await first.WithDb(db => db.Leases.AsNoTracking().ToListAsync())); // given back once done
    }
}
