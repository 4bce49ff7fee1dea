using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site;

/// <summary>
/// Dates as pages show them: the Gregorian date in a <c>&lt;time&gt;</c> element and the Hijri date beside it,
/// shifted by the Admin's offset. The settings are read once per site-wide change (<see cref="PageCache.KeepSiteWideAsync{T}"/>)
/// by <see cref="Loader"/>, before any page renders, so that views call plain methods.
/// </summary>
public sealed class SiteDates(TimeProvider clock)
{
    private SiteSettings _settings = new();

    public int HijriOffsetDays => _settings.HijriOffsetDays;

    /// <summary>«3 دجنبر 2026» in a <c>&lt;time datetime&gt;</c>, then «23 جمادى الآخرة 1448».</summary>
    public IHtmlContent Dated(DateTime utc)
    {
        var hijri = MoroccanDate.Hijri(utc, HijriOffsetDays);
        var builder = new HtmlContentBuilder();
        builder.AppendHtml(MoroccanDate.TimeElement(utc));
        if (hijri is not null)
            builder.AppendHtml("<span class=\"hijri\">").Append(hijri).AppendHtml("</span>");
        return builder;
    }

    /// <summary>Today in Casablanca, in both calendars, for the masthead (cached pages are evicted at midnight: <see cref="MidnightEviction"/>).</summary>
    public IHtmlContent Today() => Dated(clock.GetUtcNow().UtcDateTime);

    /// <summary>Loads the settings before the page's handler runs: one query after each eviction, none otherwise.</summary>
    public sealed class Loader(SiteDates dates, MadarDb db, PageCache cache) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            dates._settings = await cache.KeepSiteWideAsync("site-settings", async () =>
                await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.TheId).FirstOrDefaultAsync() ?? new SiteSettings());
            await next();
        }
    }
}
