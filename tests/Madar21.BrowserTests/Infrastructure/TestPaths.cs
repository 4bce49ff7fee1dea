namespace Madar21.BrowserTests.Infrastructure;

public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string RepositorySeeds => Path.Combine(RepositoryRoot, "seeds");

    public static string ProjectFolder => Path.Combine(RepositoryRoot, "tests", "Madar21.BrowserTests");

    /// <summary>Screenshots and fetched HTML, for a person to look at after a run (git-ignored).</summary>
    public static string Artifacts => Path.Combine(ProjectFolder, "artifacts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Madar21.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Madar21.sln not found above the test binaries");
    }
}
