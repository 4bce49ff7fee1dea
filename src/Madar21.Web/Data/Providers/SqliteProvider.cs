using System.Data.Common;
using System.Runtime.CompilerServices;
using Madar21.Web.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Madar21.Web.Data.Providers;

/// <summary>
/// The embedded default: one SQLite file, <see cref="MadarDb"/> itself with the migrations in <c>Data/Migrations</c>,
/// search on FTS5 (<see cref="SqliteArticleSearch"/>), backups with SQLite's online backup API.
/// </summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    public const string ProviderName = "Sqlite";

    public string Name => ProviderName;

    public void AddMadarDb(IServiceCollection services, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir) Directory.CreateDirectory(dir);
        services.AddSingleton<IArticleSearch, SqliteArticleSearch>();
        // Pooled, with options built once: a context and its options set up for every request (every extension and
        // its warning settings copied into new immutable dictionaries) were 6-9% of an uncached page's CPU.
        services.AddDbContextPool<MadarDb>((sp, o) =>
            DatabaseSetup.Configure(sp, o.UseSqlite(builder.ConnectionString).AddInterceptors(Pragmas)));
    }

    /// <summary>Then write-ahead logging, a property of the file: readers never wait for the writer.</summary>
    public async Task MigrateAsync(MadarDb db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public Task<int> BackupAsync(IServiceProvider services, string target, ILogger logger) =>
        BackupCommand.RunAsync(services, target, logger);

    private static readonly SqlitePragmas Pragmas = new();

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
