namespace Madar21.Web.Media;

/// <summary>
/// The <c>sizes</c> of each place a picture shows, fitted to site.css: the browser picks the width from them before
/// the stylesheet has loaded, so they say how wide the picture will be.
/// </summary>
public static class PictureSizes
{
    /// <summary>The article column: the full width on phones, at most about 760 px beside the sidebar.</summary>
    public const string ArticleLead = "(min-width: 1100px) 760px, (min-width: 700px) 66vw, 100vw";
}
