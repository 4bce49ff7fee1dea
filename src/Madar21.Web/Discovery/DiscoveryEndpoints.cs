using Madar21.Web.Site;
using Madar21.Web.Site.Caching;

namespace Madar21.Web.Discovery;

public static class DiscoveryEndpoints
{
    // Feed readers and crawlers check with HEAD whether a file changed; MapGet alone would answer them 405.
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Feeds, sitemaps and robots.txt: what crawlers and feed readers fetch. The search page is a Razor Page.</summary>
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        // All in the shared page cache, evicted with the article lists (see Site/Caching).
        var group = app.MapGroup("").CacheOutput(PublicPagePolicy.Lists);
        group.MapMethods("/feed", GetAndHead, Feeds.SiteAsync);
        group.MapMethods("/section/{name}/feed", GetAndHead, Feeds.SectionAsync);
        group.MapMethods("/tag/{slug}/feed", GetAndHead, Feeds.TagAsync);
        group.MapMethods("/author/{slug}/feed", GetAndHead, Feeds.AuthorAsync);
        group.MapMethods("/sitemap.xml", GetAndHead, Sitemaps.RootAsync);
        group.MapMethods("/sitemaps/{n:int}.xml", GetAndHead, Sitemaps.FileAsync);
        group.MapMethods("/news-sitemap.xml", GetAndHead, Sitemaps.NewsAsync);
        group.MapMethods("/robots.txt", GetAndHead, (SiteUrls urls) => Robots.Respond(urls));
        return app;
    }
}
