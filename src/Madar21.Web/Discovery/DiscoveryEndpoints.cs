using Madar21.Web.Site;

namespace Madar21.Web.Discovery;

public static class DiscoveryEndpoints
{
    /// <summary>Feeds, sitemaps and robots.txt: what crawlers and feed readers fetch. The search page is a Razor Page.</summary>
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed", Feeds.SiteAsync);
        app.MapGet("/section/{name}/feed", Feeds.SectionAsync);
        app.MapGet("/sitemap.xml", Sitemaps.RootAsync);
        app.MapGet("/sitemaps/{n:int}.xml", Sitemaps.FileAsync);
        app.MapGet("/news-sitemap.xml", Sitemaps.NewsAsync);
        app.MapGet("/robots.txt", (SiteUrls urls) => Robots.Respond(urls));
        return app;
    }
}
