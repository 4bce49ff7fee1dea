using Madar21.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Infrastructure;

/// <summary>A migrated SQLite file of its own, for testing services below HTTP (the importer, the parser's neighbours).</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Root = Path.Combine(Path.GetTempPath(), "madar21-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        ConnectionString = $"Data Source={Path.Combine(Root, "madar21.db")}";
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string Root { get; }
    public string ConnectionString { get; }

    public MadarDb NewContext() => new(new DbContextOptionsBuilder<MadarDb>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
