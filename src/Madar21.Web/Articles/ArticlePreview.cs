using System.Security.Claims;

namespace Madar21.Web.Articles;

/// <summary>
/// A draft or scheduled article opened at its own address by a signed-in staff member: shown marked «مسودة — غير
/// منشور» (or «مجدول …»), with noindex, never cached anywhere (the request carries the sign-in cookie, so the page
/// cache neither serves nor stores it, and the response says <c>private, no-store</c>), and never in any list
/// (lists go through <see cref="ArticleQueries.PublicAt"/>). Everyone else gets the same 404 as for no article.
/// </summary>
public static class ArticlePreview
{
    /// <summary>
    /// The one rule of who may preview an article readers cannot see yet: whoever may open it in the admin (the
    /// newsroom's matrix: editors and admins any article, a writer their own).
    /// </summary>
    public static bool MayPreview(ClaimsPrincipal user, Newsroom.ArticleFacts article) =>
        user.Identity?.IsAuthenticated == true && Newsroom.NewsroomRules.Allows(user, Newsroom.ArticleOperation.Open, article);

    private const string PreviewItem = "Madar21.ArticlePreview";

    /// <summary>Marks this response as a preview: private, and not a reader's read (<see cref="Readers.ViewCounting"/>).</summary>
    public static void MarkPreview(this Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Items[PreviewItem] = true;
        Site.Caching.PrivateResponses.MarkPrivate(context);
    }

    public static bool IsPreview(Microsoft.AspNetCore.Http.HttpContext context) => context.Items.ContainsKey(PreviewItem);

    /// <summary>The banner over a preview: «مسودة — غير منشور», or «مجدول …» with its time.</summary>
    public static string Banner(DateTime? scheduledAt) =>
        scheduledAt is { } at ? $"مجدول — يُنشر في {Site.Dates.MoroccanDate.FormatDateTime(at)}" : "مسودة — غير منشور";
}
