using Madar21.Web.Readers;
using Microsoft.AspNetCore.Html;

namespace Madar21.Web.Site.Dates;

/// <summary>
/// Dates as pages show them: the Gregorian date in a <c>&lt;time&gt;</c> element and the Hijri date beside it,
/// shifted by the Admin's offset.
/// </summary>
public sealed class SiteDates(TimeProvider clock, ReaderSettingsAccess settings)
{
    public int HijriOffsetDays => settings.Current.HijriOffsetDays;

    /// <summary>«3 دجنبر 2026» in a <c>&lt;time datetime&gt;</c>, then «23 جمادى الآخرة 1448».</summary>
    public IHtmlContent Dated(DateTime utc) => Dated(utc, withTime: false);

    /// <summary>«3 دجنبر 2026 - 14:05» (Casablanca time) in a <c>&lt;time datetime&gt;</c>, then the Hijri date: an article's publication.</summary>
    public IHtmlContent DatedWithTime(DateTime utc) => Dated(utc, withTime: true);

    private IHtmlContent Dated(DateTime utc, bool withTime)
    {
        var hijri = MoroccanDate.Hijri(utc, HijriOffsetDays);
        var builder = new HtmlContentBuilder();
        builder.AppendHtml(MoroccanDate.TimeElement(utc, withTime));
        if (hijri is not null)
            builder.AppendHtml("<span class=\"hijri\">").Append(hijri).AppendHtml("</span>");
        return builder;
    }

    /// <summary>Today in Casablanca, in both calendars, for the masthead (cached pages are evicted at midnight: <see cref="Caching.TimedEviction"/>).</summary>
    public IHtmlContent Today() => Dated(clock.GetUtcNow().UtcDateTime);
}
