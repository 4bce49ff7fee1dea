using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;

namespace Madar21.Web.Readers;

/// <summary>
/// Counts a read of an article page, before the page cache so that cached answers count too. Only a GET answered
/// 200 to something that looks like a person's browser counts: crawlers, link previews, scripts and prefetches do not.
/// </summary>
public static partial class ViewCounting
{
    public static IApplicationBuilder UseViewCounting(this IApplicationBuilder app) =>
        !app.ApplicationServices.GetRequiredService<IOptions<ReadersOptions>>().Value.CountViews ? app : app.Use(async (context, next) =>
        {
            await next();
            if (context.Response.StatusCode == StatusCodes.Status200OK
                && HttpMethods.IsGet(context.Request.Method)
                && context.Request.RouteValues["page"] as string == "/Articles/Show"
                && int.TryParse(context.Request.RouteValues["id"] as string, out var id)
                && !Articles.ArticlePreview.IsPreview(context) // a staff member's look at a draft is no reader's read
                && IsPerson(context.Request))
            {
                context.RequestServices.GetRequiredService<ViewCounter>().Count(id);
            }
        });

    public static bool IsPerson(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        if (agent.Length == 0 || NotAPerson().IsMatch(agent)) return false;
        var purpose = request.Headers["Sec-Purpose"].ToString() + request.Headers["Purpose"].ToString();
        return !purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase);
    }

    // The usual words of crawler, preview and tool user agents (Googlebot, bingbot, facebookexternalhit,
    // WhatsApp and Telegram previews, curl, python-requests, HeadlessChrome...).
    [GeneratedRegex(@"bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|whatsapp|telegram|curl|wget|python|java/|go-http|okhttp|headless|lighthouse|monitor|feed|rss", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPerson();
}
