using Madar21.Web.Site;

namespace Madar21.Web.Discovery;

public static class DiscoveryServices
{
    /// <summary>Public URLs and the options of feeds and sitemaps (the search index comes with the database: DatabaseSetup).</summary>
    public static IServiceCollection AddDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DiscoveryOptions>(configuration.GetSection(DiscoveryOptions.SectionName));
        services.AddSingleton<SiteUrls>();
        return services;
    }
}
