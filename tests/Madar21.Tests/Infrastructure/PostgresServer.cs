using System.Diagnostics;
using Npgsql;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the tests: <c>MADAR21_TEST_POSTGRES</c> (a connection string without a database), or
/// else the private server that tests/servers/postgres.sh starts on the loopback. Without PostgreSQL the tests that
/// need it are skipped with a one-line hint; with CI=true they fail, so the gate cannot switch itself off.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "MADAR21_TEST_POSTGRES";

    private static readonly Lazy<(string? Url, string? Problem)> Server = new(Find);

    private static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The factory, once the server is known to be there; otherwise the test is skipped (or fails under CI).</summary>
    public static T Required<T>(T factory) where T : MadarFactory
    {
        RequireServer();
        return factory;
    }

    /// <summary>Skips the test (or fails it under CI) when no PostgreSQL server can be had.</summary>
    public static void RequireServer()
    {
        if (Server.Value.Problem is not { } problem) return;
        var hint = $"{problem} (apt-get install postgresql, or set {Variable})";
        if (InCi) throw new InvalidOperationException($"CI=true and the PostgreSQL tests cannot run: {hint}");
        Skip.If(true, $"PostgreSQL tests skipped: {hint}");
    }

    /// <summary>Creates an empty database of its own and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var (url, problem) = Server.Value;
        if (url is null) throw new InvalidOperationException(problem);
        var name = "madar21_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(url) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(url) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing what is still connected to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        using var admin = new NpgsqlConnection(builder.ConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    private static (string? Url, string? Problem) Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return Reachable(configured);
        var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "servers", "postgres.sh");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                return (null, "tests/servers/postgres.sh start did not finish in 2 minutes");
            }
            if (process.ExitCode != 0)
                return (null, $"tests/servers/postgres.sh start failed: {error.Result.Trim().Split('\n')[^1]}");
            return Reachable(output.Result.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"could not run tests/servers/postgres.sh ({ex.Message})");
        }
    }

    private static (string? Url, string? Problem) Reachable(string url)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(url) { Database = "postgres", Pooling = false, Timeout = 10 }.ConnectionString);
            connection.Open();
            return (url, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            return (null, $"no PostgreSQL server answers at {new NpgsqlConnectionStringBuilder(url) { Password = null }} ({ex.Message})");
        }
    }
}
