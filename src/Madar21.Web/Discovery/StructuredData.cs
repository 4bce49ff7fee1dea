using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Microsoft.AspNetCore.Html;

namespace Madar21.Web.Discovery;

/// <summary>
/// schema.org JSON-LD for search engines, serialised with System.Text.Json. The encoder lets Arabic through as
/// it is but always escapes <c>&lt; &gt; &amp; ' "</c> as <c>\uXXXX</c>, so no text (a title holding
/// <c>&lt;/script&gt;</c>) can end the script element: that is why writing it unencoded into the page is safe.
/// </summary>
public static class StructuredData
{

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static IHtmlContent Script(object data) =>
        new HtmlString($"<script type=\"application/ld+json\">{JsonSerializer.Serialize(data, Json)}</script>");

    public static Dictionary<string, object?> NewsArticle(
        SiteUrls urls, string path, string headline, string? description, string section, ArticleFacts facts, ShareImage? image = null,
        IReadOnlyList<string>? keywords = null, IReadOnlyList<Credit>? authors = null) =>
        WithKeywords(keywords, WithImage(urls, image, new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "NewsArticle",
        ["headline"] = headline,
        ["description"] = description,
        ["url"] = urls.Absolute(path),
        ["mainEntityOfPage"] = urls.Absolute(path),
        ["datePublished"] = MoroccanDate.Iso(facts.PublishedAt),
        ["dateModified"] = MoroccanDate.Iso(facts.ModifiedAt > facts.PublishedAt ? facts.ModifiedAt : facts.PublishedAt),
        ["articleSection"] = section,
        ["inLanguage"] = "ar",
        ["author"] = authors is null ? Organization(urls) : authors.Select(a => Author(urls, a)).ToArray(),
        ["publisher"] = Organization(urls),
    }));

    // The article's tags; none: no property, rather than an empty one.
    private static Dictionary<string, object?> WithKeywords(IReadOnlyList<string>? keywords, Dictionary<string, object?> article)
    {
        if (keywords is { Count: > 0 }) article["keywords"] = keywords;
        return article;
    }

    // Only when there is one: an empty or null image is an error in Google's article results. Google asks for the
    // 16:9, 4:3 and 1:1 crops; a picture processed before they were made has its link-preview crop alone.
    private static Dictionary<string, object?> WithImage(SiteUrls urls, ShareImage? image, Dictionary<string, object?> article)
    {
        if (image is not null)
            article["image"] = image.Crops.Count > 0
                ? image.Crops.Select(c => ImageObject(urls, c.Url, c.Width, c.Height)).ToArray()
                : ImageObject(urls, image.Path, image.Width, image.Height);
        return article;
    }

    private static Dictionary<string, object?> ImageObject(SiteUrls urls, string path, int width, int height) => new()
    {
        ["@type"] = "ImageObject", ["url"] = urls.Absolute(path), ["width"] = width, ["height"] = height,
    };

    public static Dictionary<string, object?> Breadcrumbs(SiteUrls urls, string path, string title, string section) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new[]
        {
            Crumb(1, "الرئيسية", urls.Absolute("/")),
            Crumb(2, section, urls.Absolute(ArticleQueries.SectionUrl(section))),
            Crumb(3, title, urls.Absolute(path)),
        },
    };

    public static Dictionary<string, object?> WebSite(SiteUrls urls) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "WebSite",
        ["name"] = SiteOptions.Name,
        ["url"] = urls.Absolute("/"),
        ["inLanguage"] = "ar",
        ["potentialAction"] = new Dictionary<string, object?>
        {
            ["@type"] = "SearchAction",
            ["target"] = new Dictionary<string, object?>
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = urls.Absolute("/search?q={search_term_string}"),
            },
            ["query-input"] = "required name=search_term_string",
        },
    };

    private static Dictionary<string, object?> Organization(SiteUrls urls) => new()
    {
        ["@type"] = "Organization",
        ["name"] = SiteOptions.Name,
        ["url"] = urls.Absolute("/"),
    };

    /// <summary>A staff author as a Person, the desk as an Organization; each with its page (never an email address).</summary>
    private static Dictionary<string, object?> Author(SiteUrls urls, Credit credit) => new()
    {
        ["@type"] = credit.IsDesk ? "Organization" : "Person",
        ["name"] = credit.Name,
        ["url"] = urls.Absolute(credit.Path),
    };

    private static Dictionary<string, object?> Crumb(int position, string name, string url) => new()
    {
        ["@type"] = "ListItem",
        ["position"] = position,
        ["name"] = name,
        ["item"] = url,
    };
}
