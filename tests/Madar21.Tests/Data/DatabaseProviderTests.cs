using Madar21.Tests.Infrastructure;
using Madar21.Web.Data;
using Madar21.Web.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Madar21.Tests.Data;

public class DatabaseProviderTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null, typeof(SqliteProvider))]
    [InlineData("Sqlite", typeof(SqliteProvider))]
    [InlineData("postgres", typeof(PostgresProvider))]
    [InlineData(" Postgres ", typeof(PostgresProvider))]
    public void The_provider_is_chosen_from_configuration(string? name, Type expected) =>
        Assert.IsType(expected, DatabaseSetup.Provider(Configuration((DatabaseSetup.ProviderKey, name))));

    [Fact]
    public void An_unknown_provider_stops_the_start_with_the_names_it_takes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.Provider(Configuration((DatabaseSetup.ProviderKey, "MySql"))));
        Assert.Contains("Sqlite or Postgres", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_says_which_setting_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSetup.ConnectionString(Configuration(), "/", new PostgresProvider()));
        Assert.Contains("ConnectionStrings:Default", error.Message);
    }

    [Fact]
    public async Task Backup_on_postgres_explains_that_it_copies_sqlite_and_fails()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        var exit = await new PostgresProvider().BackupAsync(null!, "/tmp/never-written.db", factory.CreateLogger("backup"));

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump", logs.AllText);
        Assert.False(File.Exists("/tmp/never-written.db"));
    }
}

/// <summary>Several nodes started at the same moment on one new PostgreSQL database.</summary>
public class PostgresStartupTests
{
    [SkippableFact]
    public async Task Three_nodes_started_at_once_on_an_empty_database_all_migrate_and_serve()
    {
        PostgresServer.RequireServer();
        var connectionString = PostgresServer.CreateDatabase();
        try
        {
            var nodes = Enumerable.Range(0, 3).Select(_ => new MadarFactory()
                .With("Database:Provider", "Postgres").With("ConnectionStrings:Default", connectionString)).ToList();
            try
            {
                var clients = await Task.WhenAll(nodes.Select(node => Task.Run(() => node.StartAsync())));
                foreach (var client in clients)
                    Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
                Assert.Empty(await nodes[0].WithDb(db => db.Database.GetPendingMigrationsAsync()));
                Assert.All(nodes, node => Assert.DoesNotContain(node.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal)));
            }
            finally
            {
                foreach (var node in nodes) node.Dispose();
            }
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
        }
    }
}
