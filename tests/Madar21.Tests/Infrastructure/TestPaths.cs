namespace Madar21.Tests.Infrastructure;

public static class TestPaths
{
    public static string RepositoryRoot { get; } = Madar21.Web.Site.RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Madar21.sln not found above the test binaries");

    public static string RepositorySeeds => Path.Combine(RepositoryRoot, "seeds");

    public static string SeedArticleFile => Path.Combine(RepositorySeeds, "000_58416a67d00a4d59.txt");
}
