using Madar21.Web.Articles;
using Madar21.Web.Admin;
using Madar21.Web.Data.Providers;
using Madar21.Web.Site.Caching;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Data;

/// <summary>
/// Chooses the database engine once, from <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>);
/// everything that differs between them is in that <see cref="IDatabaseProvider"/>.
/// </summary>
public static class DatabaseSetup
{
    public const string ProviderKey = "Database:Provider";

    public static IDatabaseProvider Provider(IConfiguration configuration) => configuration[ProviderKey]?.Trim() switch
    {
        null or "" => new SqliteProvider(),
        var name when name.Equals(SqliteProvider.ProviderName, StringComparison.OrdinalIgnoreCase) => new SqliteProvider(),
        var name when name.Equals(PostgresProvider.ProviderName, StringComparison.OrdinalIgnoreCase) => new PostgresProvider(),
        var name => throw new InvalidOperationException(
            $"{ProviderKey} is '{name}'; it must be {SqliteProvider.ProviderName} or {PostgresProvider.ProviderName}."),
    };

    /// <summary>
    /// <c>ConnectionStrings:Default</c>; for SQLite it may be left out: a file in the repository's git-ignored
    /// <c>data/</c> folder (beside <c>src/</c>, never inside it).
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot, IDatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider is not SqliteProvider)
            throw new InvalidOperationException(
                $"{ProviderKey} is {provider.Name}: set ConnectionStrings:Default (Host=…;Port=…;Database=madar21;Username=…;Password=…).");
        var dataDir = Path.Combine(RepositoryRoot.Find(contentRoot) ?? contentRoot, "data");
        return $"Data Source={Path.Combine(dataDir, "madar21.db")}";
    }

    /// <summary>The engine named by configuration, its <see cref="MadarDb"/> and its search index.</summary>
    public static IServiceCollection AddMadarDb(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = Provider(configuration);
        services.AddSingleton(provider);
        provider.AddMadarDb(services, ConnectionString(configuration, contentRoot, provider));
        return services;
    }

    /// <summary>What every engine's context gets besides its own settings.</summary>
    internal static void Configure(IServiceProvider services, DbContextOptionsBuilder options)
    {
        // The rows every node needs before it serves, added by the migrations under their lock (EF Core's seeding).
        var site = services.GetService<Microsoft.Extensions.Options.IOptions<SiteOptions>>()?.Value ?? new SiteOptions();
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        options.UseAsyncSeeding(async (db, _, ct) =>
            {
                await StaffRoles.EnsureCreatedAsync(db, ct);
                await SitePages.SitePageDefaults.EnsureCreatedAsync(db, site, clock, ct);
                await ArticleTitles.FoldMissingAsync(db, ct);
            })
            .UseSeeding((db, _) =>
            {
                StaffRoles.EnsureCreatedAsync(db, CancellationToken.None).GetAwaiter().GetResult();
                SitePages.SitePageDefaults.EnsureCreatedAsync(db, site, clock, CancellationToken.None).GetAwaiter().GetResult();
                ArticleTitles.FoldMissingAsync(db, CancellationToken.None).GetAwaiter().GetResult();
            });

        // Every save evicts the cached pages it makes stale, whoever the writer is.
        if (services.GetService<CacheInvalidationInterceptor>() is { } invalidation)
            options.AddInterceptors(invalidation);
    }

    /// <summary>Applies the engine's committed migrations.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        await services.GetRequiredService<IDatabaseProvider>().MigrateAsync(db, CancellationToken.None);
    }
}
