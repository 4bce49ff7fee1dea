namespace Madar21.Web.Comments;

/// <summary>
/// «تعليقك بانتظار المراجعة», for the commenter only: a cookie scoped to the one article's path, read once. The page
/// without it stays the same for everyone, and a request or response that carries a cookie is never cached.
/// </summary>
public static class PendingNotice
{
    public const string Name = "madar21_comment_pending";

    public static void Set(HttpResponse response, int articleId) =>
        response.Cookies.Append(Name, "1", Options(response.HttpContext.Request, articleId, TimeSpan.FromHours(1)));

    /// <summary>True, once, on the article the comment was left on.</summary>
    public static bool Take(HttpContext context, int articleId)
    {
        if (!context.Request.Cookies.ContainsKey(Name)) return false;
        context.Response.Cookies.Delete(Name, Options(context.Request, articleId, maxAge: null));
        return true;
    }

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
