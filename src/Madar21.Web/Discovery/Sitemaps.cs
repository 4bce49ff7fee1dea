using System.Xml;
using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Discovery;

/// <summary>
/// <c>/sitemap.xml</c>: the home page, every section, every tag with a public article, every author with a public
/// article (and the desk) and every public article, with their last change. Past
/// <see cref="DiscoveryOptions.SitemapUrlsPerFile"/> URLs it becomes a sitemap index of <c>/sitemaps/N.xml</c>
/// files, each in the same order (home, sections, tags, then articles by id); an article with a lead picture names it
/// (<c>image:image</c>, its largest WebP). <c>/news-sitemap.xml</c>: Google News.
/// </summary>
public static class Sitemaps
{
    private const string ContentType = "application/xml; charset=utf-8";
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";

    public static async Task<IResult> RootAsync(MadarDb db, TimeProvider clock, SiteUrls urls, IOptions<DiscoveryOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var perFile = options.Value.SitemapUrlsPerFile;
        var fixedUrls = await FixedUrlsAsync(db, now, ct);
        var articleCount = await db.Articles.AsNoTracking().PublicAt(now).CountAsync(ct);
        var total = fixedUrls.Count + articleCount;
        if (total <= perFile)
            return await UrlSetAsync(db, now, urls, fixedUrls, 0, perFile, ct);

        var files = (total + perFile - 1) / perFile;
        var lastModified = fixedUrls[0].LastModified;
        return XmlResponse.Create(ContentType, lastModified, writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNs);
            for (var n = 1; n <= files; n++)
            {
                writer.WriteStartElement("sitemap", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, urls.Absolute($"/sitemaps/{n}.xml"));
                if (lastModified is { } at) writer.WriteElementString("lastmod", SitemapNs, MoroccanDate.Iso(at));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    public static async Task<IResult> FileAsync(int n, MadarDb db, TimeProvider clock, SiteUrls urls, IOptions<DiscoveryOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var perFile = options.Value.SitemapUrlsPerFile;
        var fixedUrls = await FixedUrlsAsync(db, now, ct);
        var articleCount = await db.Articles.AsNoTracking().PublicAt(now).CountAsync(ct);
        var files = (fixedUrls.Count + articleCount + perFile - 1) / perFile;
        if (n < 1 || n > files || files == 1) return Results.NotFound(); // a single file is /sitemap.xml itself
        return await UrlSetAsync(db, now, urls, fixedUrls, (long)(n - 1) * perFile, perFile, ct);
    }

    public static async Task<IResult> NewsAsync(MadarDb db, TimeProvider clock, SiteUrls urls, IOptions<DiscoveryOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.NewsWindow;
        var articles = await db.Articles.AsNoTracking()
            .PublicAt(now)
            .Where(a => a.PublishedAt >= since)
            .NewestFirst()
            .Take(1000) // Google News reads at most 1,000 URLs per sitemap
            .Select(a => new { a.Id, a.Slug, a.Title, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(ct);
        var lastModified = articles.Count == 0 ? (DateTime?)null : articles[0].PublishedAt;
        return XmlResponse.Create(ContentType, lastModified, writer =>
        {
            writer.WriteStartElement("urlset", SitemapNs);
            writer.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var a in articles)
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, urls.Absolute(ArticleQueries.UrlOf(a.Id, a.Slug)));
                writer.WriteStartElement("news", NewsNs);
                writer.WriteStartElement("publication", NewsNs);
                writer.WriteElementString("name", NewsNs, SiteOptions.Name);
                writer.WriteElementString("language", NewsNs, "ar");
                writer.WriteEndElement();
                writer.WriteElementString("publication_date", NewsNs, MoroccanDate.Iso(a.PublishedAt));
                writer.WriteElementString("title", NewsNs, a.Title);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    /// <summary>Home, sections and tags, with the last change of what they list; the home page first.</summary>
    private static async Task<List<SitemapUrl>> FixedUrlsAsync(MadarDb db, DateTime now, CancellationToken ct)
    {
        var latest = await db.Articles.AsNoTracking()
            .PublicAt(now)
            .GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Published = g.Max(a => a.PublishedAt), Updated = g.Max(a => a.UpdatedAt) })
            .ToDictionaryAsync(g => g.SectionId, g => Later(g.Published, g.Updated), ct);
        var sections = await db.Sections.AsNoTracking()
            .InNavigationOrder()
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(ct);
        // Tags with at least one public article, by their newest: one walk of the tags' listing index.
        var tags = await db.ArticleTags.AsNoTracking()
            .Where(t => t.ListedAt != null && t.ListedAt <= now)
            .GroupBy(t => t.TagId)
            .Select(g => new { TagId = g.Key, Latest = g.Max(t => t.ListedAt) })
            .Join(db.Tags, g => g.TagId, t => t.Id, (g, t) => new { t.Slug, g.Latest })
            .OrderBy(t => t.Slug)
            .ToListAsync(ct);
        var home = latest.Count == 0 ? (DateTime?)null : latest.Values.Max();
        // The pages of the authors with a public article, each dated by its newest (a seek per author on its own
        // index), and the desk's when it signs any; in the order of the profiles.
        var authors = await db.StaffProfiles.AsNoTracking()
            .OrderBy(p => p.Id)
            .Select(p => new { p.Slug, Newest = db.ArticleAuthors.Where(x => x.ProfileId == p.Id && x.PublishedAt <= now).Max(x => x.PublishedAt) })
            .Where(p => p.Newest != null)
            .ToListAsync(ct);
        var desk = await AuthorLists.Desk(db)(now).Select(a => a.PublishedAt).FirstOrDefaultAsync(ct);
        return [
            new SitemapUrl("/", home),
            .. sections.Select(s => new SitemapUrl(ArticleQueries.SectionUrl(s.Name), latest.GetValueOrDefault(s.Id))),
            .. tags.Select(t => new SitemapUrl(TagQueries.UrlOf(t.Slug), t.Latest)),
            .. desk is null ? [] : new[] { new SitemapUrl(Byline.DeskPath, desk) },
            .. authors.Select(a => new SitemapUrl(Byline.PagePath(a.Slug), a.Newest)),
        ];
    }

    private static async Task<IResult> UrlSetAsync(
        MadarDb db, DateTime now, SiteUrls urls, List<SitemapUrl> fixedUrls, long offset, int count, CancellationToken ct)
    {
        var page = fixedUrls.Skip((int)Math.Min(offset, fixedUrls.Count)).Take(count).ToList();
        var articleSkip = (int)Math.Max(0, offset - fixedUrls.Count);
        var articles = await db.Articles.AsNoTracking()
            .PublicAt(now)
            .OrderBy(a => a.Id)
            .Skip(articleSkip)
            .Take(count - page.Count)
            .Select(a => new
            {
                a.Id, a.Slug, a.PublishedAt, a.UpdatedAt,
                // A correlated seek on MediaVariants(MediaItemId), in the same command, for articles with a picture only.
                Image = a.LeadMediaId == null ? null : a.LeadMedia!.Variants
                    .Where(v => v.Kind == Models.MediaVariantKind.Responsive && v.Format == Models.MediaFormat.Webp)
                    .OrderByDescending(v => v.Width).Select(v => v.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        page.AddRange(articles.Select(a => new SitemapUrl(ArticleQueries.UrlOf(a.Id, a.Slug), Later(a.PublishedAt, a.UpdatedAt),
            a.Image is null ? null : Media.MediaSetup.PublicPath + a.Image)));

        var lastModified = page.Max(u => u.LastModified);
        return XmlResponse.Create(ContentType, lastModified, writer =>
        {
            writer.WriteStartElement("urlset", SitemapNs);
            if (page.Any(u => u.Image is not null)) writer.WriteAttributeString("xmlns", "image", null, ImageNs);
            foreach (var url in page)
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, urls.Absolute(url.Path));
                if (url.LastModified is { } at) writer.WriteElementString("lastmod", SitemapNs, MoroccanDate.Iso(at));
                if (url.Image is { } image)
                {
                    writer.WriteStartElement("image", ImageNs);
                    writer.WriteElementString("loc", ImageNs, urls.Absolute(image));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private sealed record SitemapUrl(string Path, DateTime? LastModified, string? Image = null);
}
