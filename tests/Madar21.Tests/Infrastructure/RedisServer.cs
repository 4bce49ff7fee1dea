using System.Diagnostics;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// A real redis-server of the test class's own, on a free loopback port and a temporary directory, started and
/// stopped by tests/servers/redis.sh. Without redis-server installed the tests that need it are skipped with a
/// one-line hint; with CI=true they fail instead, so that the gate cannot switch itself off.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "madar21-tests", "redis-" + Guid.NewGuid().ToString("N"));
    private readonly string? _missing;

    public RedisServer()
    {
        var (status, output) = Script("start", _directory);
        if (status == 0) Port = int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        else _missing = status == 3 ? "redis-server is not installed: apt-get install redis-server" : $"redis-server did not start: {output.Trim()}";
    }

    public int Port { get; }

    /// <summary>The value of <c>Redis:Configuration</c> for the app.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>First line of every test that needs Redis: skips (fails under CI=true) when it could not be started.</summary>
    public void Require()
    {
        if (_missing is null) return;
        if (InCi) throw new InvalidOperationException($"CI=true and the Redis tests cannot run: {_missing}");
        Skip.If(true, _missing);
    }

    public void Stop() => Script("stop", _directory);

    /// <summary>Starts it again on the same port, empty, as a restarted Redis without persistence is.</summary>
    public void Start()
    {
        var (status, output) = Script("start", _directory, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status != 0) throw new InvalidOperationException($"redis-server did not start again: {output}");
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static (int Status, string Output) Script(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "tests", "servers", "redis.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
