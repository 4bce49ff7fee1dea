using System.Text;
using Madar21.Web.Site;

namespace Madar21.Web.Discovery;

public static class Robots
{
    /// <summary>The public site is open to crawlers; the admin and search result pages are not (endless, thin pages).</summary>
    public static IResult Respond(SiteUrls urls)
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /admin\n")
            .Append("Disallow: /Admin\n")
            .Append("Disallow: /search\n")
            .Append('\n')
            .Append($"Sitemap: {urls.Absolute("/sitemap.xml")}\n")
            .Append($"Sitemap: {urls.Absolute("/news-sitemap.xml")}\n")
            .ToString();
        return Results.Text(text, "text/plain; charset=utf-8");
    }
}
