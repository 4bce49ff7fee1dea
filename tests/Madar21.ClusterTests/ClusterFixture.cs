using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Madar21.ClusterTests;

/// <summary>
/// The cluster of the README (tests/cluster/run.sh: Redis, PostgreSQL when the build has its provider, two nodes,
/// nginx), started once for all the tests in a temporary folder on free ports, and stopped at the end. When it
/// cannot be started here the tests are skipped with the script's last words as a hint; with CI=true they fail.
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    public const string AdminEmail = "admin@cluster.test";
    public const string AdminPassword = "cluster-admin-passphrase-2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "madar21-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly string? _failure;
    private readonly Dictionary<string, string> _state = new();

    public ClusterFixture()
    {
        var port = FreePort();
        var (status, output) = Script(TimeSpan.FromMinutes(10), "--detach", "--port", port.ToString(CultureInfo.InvariantCulture));
        if (status != 0)
        {
            _failure = $"tests/cluster/run.sh could not start the cluster: {string.Join(" / ", output.Trim().Split('\n').TakeLast(3))}";
            Script(TimeSpan.FromMinutes(1), "--stop");
            return;
        }
        foreach (var line in File.ReadAllLines(Path.Combine(_directory, "state")))
            if (line.Split('=', 2) is [var key, var value]) _state[key] = value;
        Balancer = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Balancer { get; } = new("http://127.0.0.1/");

    public string Database => _state.GetValueOrDefault("database", "?");

    public Uri Node(int i) => new($"http://127.0.0.1:{_state[$"node{i}_port"]}/");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>First line of every test: skips (fails under CI=true) when the cluster could not be started.</summary>
    public void Require()
    {
        if (_failure is null) return;
        if (InCi) throw new InvalidOperationException($"CI=true and the cluster cannot run. {_failure}");
        Skip.If(true, _failure);
    }

    public void KillNode(int i) => Control("--kill-node", i.ToString(CultureInfo.InvariantCulture));
    public void StartNode(int i) => Control("--start-node", i.ToString(CultureInfo.InvariantCulture));
    public void StopRedis() => Control("--stop-redis");
    public void StartRedis() => Control("--start-redis");

    public void Dispose() => Script(TimeSpan.FromMinutes(1), "--stop");

    private void Control(params string[] arguments)
    {
        var (status, output) = Script(TimeSpan.FromMinutes(3), arguments);
        if (status != 0) throw new InvalidOperationException($"run.sh {string.Join(' ', arguments)} failed: {output}");
    }

    private (int Status, string Output) Script(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "tests", "cluster", "run.sh"));
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(_directory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["MADAR21_CLUSTER_ADMIN_EMAIL"] = AdminEmail;
        start.Environment["MADAR21_CLUSTER_ADMIN_PASSWORD"] = AdminPassword;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }
            return (process.ExitCode, output.Result + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Madar21.sln"))) return dir.FullName;
            throw new InvalidOperationException("Madar21.sln not found above the test binaries");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
