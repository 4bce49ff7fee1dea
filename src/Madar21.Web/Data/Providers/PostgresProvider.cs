using Madar21.Web.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Madar21.Web.Data.Providers;

/// <summary>
/// PostgreSQL, for several app nodes on one database: <see cref="PostgresMadarDb"/> with its own migrations in
/// <c>Data/Migrations/Postgres</c>, search on tsvector columns (<see cref="PostgresArticleSearch"/>). Backups are
/// PostgreSQL's own business (pg_dump, or the server's continuous archiving).
/// </summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public const string ProviderName = "Postgres";

    public string Name => ProviderName;

    public void AddMadarDb(IServiceCollection services, string connectionString)
    {
        // Fails at start-up, with the reason, on a string that is not an Npgsql connection string.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        services.AddSingleton<IArticleSearch, PostgresArticleSearch>();
        services.AddDbContextPool<MadarDb, PostgresMadarDb>((sp, o) =>
            DatabaseSetup.Configure(sp, o.UseNpgsql(builder.ConnectionString)));
    }

    public async Task MigrateAsync(MadarDb db, CancellationToken ct)
    {
        // Nodes started together on an empty database would create the same tables at once: one migrates at a time,
        // under a session lock of this connection, and the others find the work done.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", ct);
            // The provider reads the history table before creating it, and logs the failure of that first read on an
            // empty database as an error (npgsql/efcore.pg#3407); the same table, created first, keeps the log honest.
            await db.Database.ExecuteSqlRawAsync(
                """CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" character varying(150) PRIMARY KEY, "ProductVersion" character varying(32) NOT NULL)""", ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The key of the advisory lock held while migrating (any constant the other users of the server do not use).</summary>
    private const long MigrationLock = 0x4d61646172_3231;

    public Task<int> BackupAsync(IServiceProvider services, string target, ILogger logger)
    {
        logger.LogError("--backup copies a SQLite database; on PostgreSQL use pg_dump (e.g. pg_dump --format=custom --file {Target} madar21)", target);
        return Task.FromResult(1);
    }
}
