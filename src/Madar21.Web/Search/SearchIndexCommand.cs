using Madar21.Web.Data;

namespace Madar21.Web.Search;

/// <summary>
/// Start-up step for the search index: rebuilt when it was never built or was built by an older normaliser, and
/// on demand with <c>--rebuild-search-index</c> (then the process exits instead of serving).
/// </summary>
public static class SearchIndexCommand
{
    public const string Switch = "--rebuild-search-index";

    /// <summary>The arguments for configuration, without the switch (the command-line provider would read it as a key).</summary>
    public static string[] WithoutSwitch(string[] args) => args.Where(a => a != Switch).ToArray();

    /// <returns>True when the switch was given: the rebuild is done and the process should stop.</returns>
    public static async Task<bool> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        var search = scope.ServiceProvider.GetRequiredService<IArticleSearch>();
        if (!args.Contains(Switch))
        {
            await search.EnsureCurrentAsync(db, CancellationToken.None);
            return false;
        }
        await search.RebuildAsync(db, CancellationToken.None);
        return true;
    }
}
