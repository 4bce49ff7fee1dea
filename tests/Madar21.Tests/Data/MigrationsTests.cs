using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Data;

/// <summary>
/// Each engine's committed migrations describe the whole model: a change to MadarDb needs a migration for both
/// (src/Madar21.Web/Data/add-migration.sh), or the engine without one would refuse to start. Needs no server.
/// </summary>
public class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new MadarDb(new DbContextOptionsBuilder<MadarDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration: run src/Madar21.Web/Data/add-migration.sh NAME");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresMadarDb(new DbContextOptionsBuilder<PostgresMadarDb>().UseNpgsql("Host=localhost;Database=madar21").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a PostgreSQL migration: run src/Madar21.Web/Data/add-migration.sh NAME");
    }

    [Fact]
    public void Each_engine_finds_only_its_own_migrations()
    {
        using var sqlite = new MadarDb(new DbContextOptionsBuilder<MadarDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresMadarDb(new DbContextOptionsBuilder<PostgresMadarDb>().UseNpgsql("Host=localhost;Database=madar21").Options);
        var sqliteIds = sqlite.Database.GetMigrations().ToList();
        var postgresIds = postgres.Database.GetMigrations().ToList();

        // The SQLite history of existing databases stays valid: its first migration is still the one they applied.
        Assert.Equal("20261129065020_Initial", sqliteIds[0]);
        Assert.Contains(postgresIds, id => id.EndsWith("_ArticleSearch", StringComparison.Ordinal));
        Assert.Empty(sqliteIds.Intersect(postgresIds));
    }
}
