namespace Madar21.Web.Discovery;

/// <summary>
/// What a page tells the layout's head beyond its title and description (<c>ViewData["Title"]</c>,
/// <c>ViewData["Description"]</c>): its canonical path, and what share previews and structured data need.
/// Set as <c>ViewData[PageMeta.Key]</c>; rendered by <c>Pages/Shared/_Meta.cshtml</c>.
/// </summary>
/// <param name="Path">The canonical path, escaped, starting with <c>/</c>; made absolute on <c>Site:BaseUrl</c>.</param>
public sealed record PageMeta(string Path)
{
    public const string Key = "Meta";

    public bool IsHome { get; init; }

    /// <summary>Search results: not to be indexed.</summary>
    public bool NoIndex { get; init; }

    /// <summary>A section page (or an article) also offers its section's feed.</summary>
    public string? Section { get; init; }

    public ArticleFacts? Article { get; init; }

    /// <summary>A tag's page also offers the tag's feed.</summary>
    public Tags.TagLink? TagFeed { get; init; }

    /// <summary>An article's tags, as NewsArticle.keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>An article's byline, for &lt;meta name="author"&gt; and NewsArticle.author.</summary>
    public IReadOnlyList<Authors.Credit>? Authors { get; init; }

    /// <summary>A feed of the page's own list besides the site's (an author's), with its title.</summary>
    public (string Path, string Title)? Feed { get; init; }

    /// <summary>The picture for link previews (og:image, twitter:card, NewsArticle.image); none when the page has none.</summary>
    public ShareImage? Image { get; init; }

    public static PageMeta Home() => new("/") { IsHome = true };

    public static PageMeta ForArticle(string path, string section, DateTime publishedAt, DateTime modifiedAt) =>
        new(path) { Section = section, Article = new ArticleFacts(publishedAt, modifiedAt) };
}

/// <summary>UTC times, for article:published_time and the NewsArticle's dates.</summary>
public sealed record ArticleFacts(DateTime PublishedAt, DateTime ModifiedAt);

/// <summary>A link-preview picture: its path (made absolute on <c>Site:BaseUrl</c>), size and alt text.</summary>
/// <param name="Crops">The 16:9, 4:3 and 1:1 crops for search engines (JSON-LD); empty: the preview stands in.</param>
public sealed record ShareImage(string Path, int Width, int Height, string Alt, IReadOnlyList<Media.VariantView> Crops)
{
    public static ShareImage? Of(Media.PictureView? picture) =>
        picture?.Preview is { } preview ? new ShareImage(preview.Url, preview.Width, preview.Height, picture.Alt, picture.Crops) : null;
}
