namespace Madar21.Tests.Infrastructure;

public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string RepositorySeeds => Path.Combine(RepositoryRoot, "seeds");

    public static string SeedArticleFile => Path.Combine(RepositorySeeds, "000_58416a67d00a4d59.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Madar21.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Madar21.sln not found above the test binaries");
    }
}
