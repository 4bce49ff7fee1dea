namespace Madar21.Web.Revisions;

public static class RevisionsSetup
{
    /// <summary>Article history's background pruning, and the article forms kept across an expired sign-in.</summary>
    public static IServiceCollection AddRevisions(this IServiceCollection services)
    {
        services.AddScoped<KeptArticleForms>();
        services.AddSingleton<RevisionPruningWorker>().AddHostedService(sp => sp.GetRequiredService<RevisionPruningWorker>());
        return services;
    }
}
