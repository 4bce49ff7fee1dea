using System.Data.Common;
using System.Runtime.CompilerServices;
using Madar21.Web.Seeding;
using Madar21.Web.Site.Caching;
using Madar21.Web.Site;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Data;

/// <summary>Everything that knows the database is SQLite lives here, so another provider replaces one file.</summary>
public static class DatabaseSetup
{
    /// <summary>
    /// <c>ConnectionStrings:Default</c>, or a SQLite file in the repository's git-ignored <c>data/</c> folder
    /// (beside <c>src/</c>, never inside it).
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var dataDir = Path.Combine(RepositoryRoot.Find(contentRoot) ?? contentRoot, "data");
        return $"Data Source={Path.Combine(dataDir, "madar21.db")}";
    }

    public static IServiceCollection AddMadarDb(this IServiceCollection services, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir) Directory.CreateDirectory(dir);
        return services.AddDbContext<MadarDb>((sp, o) =>
        {
            o.UseSqlite(builder.ConnectionString).AddInterceptors(Pragmas);
            // Every save evicts the cached pages it makes stale, whoever the writer is.
            if (sp.GetService<CacheInvalidationInterceptor>() is { } invalidation)
                o.AddInterceptors(invalidation);
        });
    }

    private static readonly SqlitePragmas Pragmas = new();

    /// <summary>Applies the committed migrations and switches the file to write-ahead logging (a property of the file).</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    /// <summary>
    /// Per-connection settings for a web server: wait (rather than fail) when another writer holds the lock, and
    /// FULL sync: every commit reaches the disk before the site answers, so a comment or an article the site has
    /// acknowledged survives a power cut, not only a crash of the process (NORMAL in WAL mode loses the last
    /// commits on power loss). Every writer acknowledges someone's data (the seed import saves 1,000 articles a
    /// commit, so it pays one sync per batch); tests/bench/sync-cost.sh measures the cost.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // Pooled connections keep their native handle, and the handle keeps its settings: set them once per handle
        // rather than before every query (EF opens and closes the connection around each one).
        private static readonly ConditionalWeakTable<object, object> Configured = new();

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                if (Configured.TryGetValue(handle, out _)) return;
                Configured.AddOrUpdate(handle, handle);
            }
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
