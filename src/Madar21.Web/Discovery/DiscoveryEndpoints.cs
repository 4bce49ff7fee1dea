using Madar21.Web.Site;
using Madar21.Web.Site.Caching;

namespace Madar21.Web.Discovery;

public static class DiscoveryEndpoints
{
    /// <summary>Feeds, sitemaps and robots.txt: what crawlers and feed readers fetch. The search page is a Razor Page.</summary>
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        // All in the shared page cache, evicted with the article lists (see Site/Caching).
        var group = app.MapGroup("").CacheOutput(PublicPagePolicy.Lists);
        group.MapGet("/feed", Feeds.SiteAsync);
        group.MapGet("/section/{name}/feed", Feeds.SectionAsync);
        group.MapGet("/sitemap.xml", Sitemaps.RootAsync);
        group.MapGet("/sitemaps/{n:int}.xml", Sitemaps.FileAsync);
        group.MapGet("/news-sitemap.xml", Sitemaps.NewsAsync);
        group.MapGet("/robots.txt", (SiteUrls urls) => Robots.Respond(urls));
        return app;
    }
}
