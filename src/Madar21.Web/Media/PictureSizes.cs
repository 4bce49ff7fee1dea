namespace Madar21.Web.Media;

/// <summary>
/// The <c>sizes</c> of each place a picture shows, fitted to site.css: the browser picks the width from them before
/// the stylesheet has loaded, so they say how wide the picture will be.
/// </summary>
public static class PictureSizes
{
    /// <summary>The article column: the whole width below 64rem, beside the sidebar the measure (42rem) plus 3rem; sizes takes no var().</summary>
    public const string ArticleLead = "(min-width: 64rem) 45rem, 100vw";
}
