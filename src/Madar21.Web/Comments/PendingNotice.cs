using System.Globalization;

namespace Madar21.Web.Comments;

/// <summary>
/// «تعليقك بانتظار المراجعة», for the commenter only: a cookie scoped to the one article's path, read once. The page
/// without it stays the same for everyone, and a request or response that carries a cookie is never cached.
/// </summary>
public static class PendingNotice
{
    public const string Name = "madar21_comment_pending";

    /// <summary>The anchor of the notice, where the commenter is sent back to.</summary>
    public const string Anchor = "pending-comment";

    /// <param name="parentId">The comment replied to, so that the notice stands where the reply will; null at the top level.</param>
    public static void Set(HttpResponse response, int articleId, int? parentId) =>
        response.Cookies.Append(Name, (parentId ?? 0).ToString(CultureInfo.InvariantCulture), Options(response.HttpContext.Request, articleId, TimeSpan.FromHours(1)));

    /// <summary>Once, on the article the comment was left on: null when there is no notice, else where it goes.</summary>
    public static Place? Take(HttpContext context, int articleId)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value)) return null;
        context.Response.Cookies.Delete(Name, Options(context.Request, articleId, maxAge: null));
        return new Place(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parent) && parent > 0 ? parent : null);
    }

    /// <param name="ParentId">The comment the pending one replies to; null at the top level.</param>
    public sealed record Place(int? ParentId);

    // "/article/12" matches "/article/12/slug" but not "/article/123/…".
    private static CookieOptions Options(HttpRequest request, int articleId, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        Path = $"/article/{articleId}",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
