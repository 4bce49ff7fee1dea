using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Discovery;

/// <summary>
/// RSS 2.0 for the whole site (<c>/feed</c>), each section (<c>/section/{name}/feed</c>), each tag
/// (<c>/tag/{slug}/feed</c>) and each author (<c>/author/{slug}/feed</c>). Articles only: no comment or commenter data,
/// and bylines by name (dc:creator), never by email address (RSS's own &lt;author&gt; wants one).
/// </summary>
public static class Feeds
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public static async Task<IResult> SiteAsync(
        MadarDb db, TimeProvider clock, SiteUrls urls, IOptions<DiscoveryOptions> options, StaffDirectory staff, CancellationToken ct)
    {
        var items = await ItemsAsync(db.Articles.AsNoTracking(), clock, options.Value, ct);
        return Respond(urls, items, SiteOptions.Name, $"آخر أخبار {SiteOptions.Name}، جريدة إلكترونية مغربية.", "/", "/feed", await staff.LoadAsync());
    }

    public static async Task<IResult> SectionAsync(
        string name, MadarDb db, TimeProvider clock, SiteUrls urls, IOptions<DiscoveryOptions> options, StaffDirectory staff, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Name == name).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (section is null)
        {
            var renamedTo = await db.SectionAliases.AsNoTracking().Where(a => a.Name == name).Select(a => a.Section!.Name).FirstOrDefaultAsync(ct);
            return renamedTo is null ? Results.NotFound() : Results.Redirect(SectionFeedPath(renamedTo), permanent: true);
        }
        var items = await ItemsAsync(db.Articles.AsNoTracking().Where(a => a.SectionId == section.Id), clock, options.Value, ct);
        return Respond(urls, items, $"{SiteOptions.Name} — {section.Name}", $"آخر أخبار قسم {section.Name} على {SiteOptions.Name}.",
            ArticleQueries.SectionUrl(section.Name), SectionFeedPath(section.Name), await staff.LoadAsync());
    }

    public static async Task<IResult> AuthorAsync(
        string slug, MadarDb db, TimeProvider clock, SiteUrls urls, IOptions<DiscoveryOptions> options, StaffDirectory staff, CancellationToken ct)
    {
        var bylines = await staff.LoadAsync();
        string name;
        Func<DateTime, IQueryable<Models.Article>> articles;
        if (slug == StaffProfiles.DeskSlug) (name, articles) = (bylines.DeskName, AuthorLists.Desk(db));
        else
        {
            var profile = await db.StaffProfiles.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.DisplayName }).FirstOrDefaultAsync(ct);
            if (profile is null) return Results.NotFound();
            (name, articles) = (profile.DisplayName, AuthorLists.Of(db, profile.Id));
        }
        var items = await ItemsAsync(articles(clock.GetUtcNow().UtcDateTime), options.Value, ct);
        return Respond(urls, items, $"{SiteOptions.Name} — {name}", $"مقالات {name} على {SiteOptions.Name}.",
            Byline.PagePath(slug), Byline.FeedPath(slug), bylines);
    }

    /// <summary><c>/tag/{slug}/feed</c>: the tag's newest public articles, read from the tag's index first.</summary>
    public static async Task<IResult> TagAsync(
        string slug, MadarDb db, TimeProvider clock, SiteUrls urls, StaffDirectory staff, IOptions<DiscoveryOptions> options, CancellationToken ct)
    {
        var (tag, movedTo) = await TagQueries.FindAsync(db, slug, ct);
        if (movedTo is not null) return Results.Redirect(TagQueries.FeedUrlOf(movedTo), permanent: true);
        if (tag is null) return Results.NotFound();
        var ids = await db.PublicArticleIds(tag.Id, clock.GetUtcNow().UtcDateTime).Take(options.Value.FeedItems).ToListAsync(ct);
        var items = await ItemsAsync(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)), clock, options.Value, ct);
        return Respond(urls, items, $"{SiteOptions.Name} — {tag.Name}", $"كل ما نشره {SiteOptions.Name} عن «{tag.Name}».",
            TagQueries.UrlOf(tag.Slug), TagQueries.FeedUrlOf(tag.Slug), await staff.LoadAsync());
    }

    public static string SectionFeedPath(string section) => ArticleQueries.SectionUrl(section) + "/feed";

    private static Task<List<FeedItem>> ItemsAsync(IQueryable<Models.Article> articles, TimeProvider clock, DiscoveryOptions options, CancellationToken ct) =>
        ItemsAsync(articles.PublicAt(clock.GetUtcNow().UtcDateTime).NewestFirst(), options, ct);

    /// <param name="newestFirst">Public articles only, already in order.</param>
    private static Task<List<FeedItem>> ItemsAsync(IQueryable<Models.Article> newestFirst, DiscoveryOptions options, CancellationToken ct) =>
        newestFirst
            .Take(options.FeedItems)
            .Select(a => new FeedItem(a.Id, a.Slug, a.Title, a.Section!.Name, a.PublishedAt!.Value, a.UpdatedAt, a.Excerpt, a.BodyHtml,
                a.LeadMedia!.Variants.Where(v => v.Kind == Models.MediaVariantKind.Preview).Select(v => new FeedImage(v.Name, v.Length)).FirstOrDefault(),
                a.Authors.OrderBy(x => x.Position).Select(x => x.ProfileId).ToList()))
            .ToListAsync(ct);

    private static IResult Respond(SiteUrls urls, List<FeedItem> items, string title, string description, string pagePath, string feedPath, Bylines bylines)
    {
        var lastModified = items.Count == 0 ? (DateTime?)null : items.Max(i => i.LastModified);
        var feed = new SyndicationFeed(title, description, new Uri(urls.Absolute(pagePath)))
        {
            Language = "ar",
            Copyright = new TextSyndicationContent($"© {SiteOptions.Name}"),
            Items = items.Select(i => Item(urls, i, bylines)).ToList(),
        };
        if (lastModified is { } updated) feed.LastUpdatedTime = Utc(updated);
        feed.Links.Add(new SyndicationLink(new Uri(urls.Absolute(feedPath)), "self", null, "application/rss+xml", 0));
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespace.Xmlns.NamespaceName), ContentNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XNamespace.Xmlns.NamespaceName), DublinCoreNamespace);

        return XmlResponse.Create(ContentType, lastModified, writer => new Rss20FeedFormatter(feed).WriteTo(writer));
    }

    private static SyndicationItem Item(SiteUrls urls, FeedItem article, Bylines bylines)
    {
        var url = urls.Absolute(ArticleQueries.UrlOf(article.Id, article.Slug));
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(article.Title),
            // Feed readers read <description> as HTML: the plain-text excerpt is encoded, so that text the page shows
            // literally (an <img …> typed in an article) stays text in the reader too.
            Summary = new TextSyndicationContent(WebUtility.HtmlEncode(article.Excerpt)),
            PublishDate = Utc(article.PublishedAt),
            LastUpdatedTime = Utc(article.LastModified),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url)));
        item.Categories.Add(new SyndicationCategory(article.Section));
        item.ElementExtensions.Add(new XElement(XName.Get("creator", DublinCoreNamespace), Byline.Names(bylines.Credits(article.AuthorIds))));
        // The lead picture's 1200×630 JPEG: the format every feed reader shows.
        if (article.Image is { } image)
            item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(urls.Absolute(MediaSetup.PublicPath + image.Name)), "image/jpeg", image.Length));
        // The stored, sanitised body; the XML writer escapes it as text, as content:encoded expects.
        item.ElementExtensions.Add(new XElement(XName.Get("encoded", ContentNamespace), article.BodyHtml));
        return item;
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private sealed record FeedImage(string Name, long Length);

    private sealed record FeedItem(int Id, string Slug, string Title, string Section, DateTime PublishedAt, DateTime UpdatedAt, string Excerpt, string BodyHtml, FeedImage? Image,
        List<int> AuthorIds)
    {
        public DateTime LastModified => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
    }
}
