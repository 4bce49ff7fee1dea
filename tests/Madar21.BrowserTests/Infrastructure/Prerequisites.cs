namespace Madar21.BrowserTests.Infrastructure;

/// <summary>
/// The tools these tests need beyond the .NET SDK: Debian's Chromium, a Java runtime and the npm packages
/// (vnu.jar). On a developer's machine without them a test is skipped with a one-line hint; with CI=true a
/// missing tool fails the test, so that the gate cannot silently switch itself off.
/// </summary>
public static class Prerequisites
{
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string VnuJarPath =>
        Path.Combine(TestPaths.ProjectFolder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string? JavaPath => FindJava();

    public static void RequireBrowser() =>
        Require(File.Exists(ChromiumPath), $"Chromium not found at {ChromiumPath}: apt-get install chromium, or set CHROMIUM_PATH.");

    public static void RequireNuChecker()
    {
        Require(JavaPath is not null, "Java not found: apt-get install default-jre-headless.");
        Require(File.Exists(VnuJarPath), "vnu.jar not found: run npm ci in tests/Madar21.BrowserTests.");
    }

    private static void Require(bool present, string hint)
    {
        if (present) return;
        if (InCi) throw new InvalidOperationException($"CI=true and a tool the browser tests need is missing. {hint}");
        Skip.If(true, hint);
    }

    private static string? FindJava()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home)
            candidates.Add(Path.Combine(home, "bin", "java"));
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            candidates.Add(Path.Combine(dir, "java"));
        return candidates.FirstOrDefault(File.Exists);
    }
}
