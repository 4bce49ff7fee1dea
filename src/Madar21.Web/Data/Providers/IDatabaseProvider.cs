using Madar21.Web.Search;

namespace Madar21.Web.Data.Providers;

/// <summary>
/// Everything that depends on the database engine, chosen once at start-up from <c>Database:Provider</c>
/// (<see cref="DatabaseSetup"/>). Features use <see cref="MadarDb"/>, LINQ and portable SQL (quoted names,
/// <c>RETURNING</c>, <c>ON CONFLICT</c>); what only one engine can do (SQLite's pragmas and FTS5, PostgreSQL's
/// tsvector) lives behind this seam and nowhere else.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The name <c>Database:Provider</c> takes.</summary>
    string Name { get; }

    /// <summary>
    /// Registers <see cref="MadarDb"/> (the engine's own subclass where it has one, so that each engine finds its own
    /// migrations) and the engine's <see cref="IArticleSearch"/>.
    /// </summary>
    void AddMadarDb(IServiceCollection services, string connectionString);

    /// <summary>At start-up: applies the engine's committed migrations, and what belongs to the database rather than to a connection.</summary>
    Task MigrateAsync(MadarDb db, CancellationToken ct);

    /// <summary><c>--backup PATH</c>: the process exit code.</summary>
    Task<int> BackupAsync(IServiceProvider services, string target, ILogger logger);
}
