namespace Madar21.Web.Site;

/// <summary>
/// The folder that holds <c>Madar21.sln</c>, found upwards from a start folder, so that <c>dotnet run</c> finds the
/// seeds and the data folder alike from the repository root, the project folder or the build output.
/// </summary>
public static class RepositoryRoot
{
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Madar21.sln")))
                return dir.FullName;
        return null;
    }
}
