namespace Madar21.Web.Site.Caching;

/// <summary>
/// A response that shows something of the visitor's own (an editor's session, a commenter's remembered name and
/// email, the values typed into a refused form, a pending-comment notice) must never be kept by a shared proxy nor
/// written to disk by the browser: it says <c>Cache-Control: private, no-store</c>. That is every response under
/// /admin, every response to a signed-in user, every response that sets a cookie, and any a page marks with
/// <see cref="MarkPrivate"/>.
/// </summary>
public static class PrivateResponses
{
    public const string CacheControl = "private, no-store";

    private const string MarkItem = "Madar21.PrivateResponse";

    /// <summary>For a page that put something of this visitor's into the response.</summary>
    public static void MarkPrivate(this HttpContext context) => context.Items[MarkItem] = true;

    public static IApplicationBuilder UsePrivateResponses(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Decided on the original path: an error page re-executed for /admin/… runs as /error/….
        var admin = context.Request.Path.StartsWithSegments("/admin");
        context.Response.OnStarting(static state =>
        {
            var (http, admin) = ((HttpContext, bool))state;
            if (admin
                || http.User.Identity?.IsAuthenticated == true
                || http.Items.ContainsKey(MarkItem)
                || http.Response.Headers.SetCookie.Count > 0)
            {
                http.Response.Headers.CacheControl = CacheControl;
                http.Response.Headers.ETag = default; // nothing to revalidate: the browser keeps no copy
            }
            return Task.CompletedTask;
        }, (context, admin));
        return next(context);
    });
}
