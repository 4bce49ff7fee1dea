using Madar21.Web.Search;
using Madar21.Web.Site;

namespace Madar21.Web.Discovery;

public static class DiscoveryServices
{
    /// <summary>Search (SQLite FTS5), public URLs, and the options of feeds and sitemaps.</summary>
    public static IServiceCollection AddDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DiscoveryOptions>(configuration.GetSection(DiscoveryOptions.SectionName));
        services.AddSingleton<IArticleSearch, SqliteArticleSearch>();
        services.AddSingleton<SiteUrls>();
        return services;
    }
}
