namespace Madar21.Web.Media;

/// <summary>
/// The <c>sizes</c> of each place a picture shows, fitted to site.css: the browser picks the width from them before
/// the stylesheet has loaded, so they say how wide the picture will be.
/// </summary>
public static class PictureSizes
{
    /// <summary>The article column: the whole width below 64rem, beside the sidebar the measure (42rem) plus 3rem; sizes takes no var().</summary>
    public const string ArticleLead = "(min-width: 64rem) 45rem, 100vw";

    /// <summary>A picture in the article's body: the measure (42rem) beside the sidebar, the whole width below 64rem.</summary>
    public const string ArticleBody = "(min-width: 64rem) 42rem, 100vw";

    /// <summary>The home page's top story: the page's width, at most 72rem less its padding.</summary>
    public const string HomeLead = "(min-width: 74rem) 70rem, 100vw";

    /// <summary>A search result's thumbnail, beside its text (site.css: .search-result .picture).</summary>
    public const string SearchResult = "8rem";

    /// <summary>A card in the grid: one column on phones, columns of at least 18rem beyond.</summary>
    public const string Card = "(min-width: 60rem) 24rem, (min-width: 38rem) 50vw, 100vw";
}
