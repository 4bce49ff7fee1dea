using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Madar21.Web.Site.Dates;

/// <summary>Dates as a Moroccan reader writes them: «10 ماي 2022», Western digits, Casablanca time.</summary>
public static class MoroccanDate
{
    // The Maghreb month names; written out rather than taken from ICU so that they never change with the ICU version.
    private static readonly string[] Months =
        ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];

    // The classical names, as Morocco's Ministry of Habous writes them.
    private static readonly string[] HijriMonths =
        ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];

    private static readonly UmAlQuraCalendar UmAlQura = new();

    private static readonly TimeZoneInfo Casablanca = FindCasablanca();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Casablanca);

    /// <summary>
    /// A wall-clock time in Casablanca (as an editor types it) to UTC. A time that the clock skips when it moves
    /// forward does not exist; it is read as the same time one hour later, as the clock on the wall shows it.
    /// </summary>
    public static DateTime ToUtc(DateTime casablancaLocal)
    {
        var local = DateTime.SpecifyKind(casablancaLocal, DateTimeKind.Unspecified);
        if (Casablanca.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Casablanca);
    }

    /// <summary>The format of an <c>&lt;input type="datetime-local"&gt;</c>, to the minute.</summary>
    public const string WallClockFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>A datetime-local field's value, typed as Casablanca wall-clock time, to UTC; null when it is not one.</summary>
    public static DateTime? ParseWallClock(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        string[] formats = [WallClockFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"];
        return DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ToUtc(local)
            : null;
    }

    /// <summary>A UTC time as a datetime-local field shows it (Casablanca time).</summary>
    public static string? WallClockValue(DateTime? utc) =>
        utc is { } at ? ToLocal(at).ToString(WallClockFormat, CultureInfo.InvariantCulture) : null;

    /// <summary>«10 ماي 2022، 14:05» in Casablanca time, for the admin's lists.</summary>
    public static string FormatWithTime(DateTime utc) =>
        $"{Format(utc)}، {ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>«3 دجنبر 2026 - 14:05» in Casablanca time, as readers see an article's dates.</summary>
    public static string FormatDateTime(DateTime utc) =>
        $"{Format(utc)} - {ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        return $"{local.Day.ToString(CultureInfo.InvariantCulture)} {Months[local.Month - 1]} {local.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// «9 جمادى الأولى 1448»: the Umm al-Qura date of the Casablanca day, moved by <paramref name="offsetDays"/> (the
    /// admin's correction for Morocco's own moon sighting); null outside the years the calendar covers (1900–2077).
    /// </summary>
    public static string? Hijri(DateTime utc, int offsetDays)
    {
        var day = ToLocal(utc).Date.AddDays(offsetDays);
        if (day < UmAlQura.MinSupportedDateTime || day > UmAlQura.MaxSupportedDateTime) return null;
        var year = UmAlQura.GetYear(day);
        var month = UmAlQura.GetMonth(day);
        var dayOfMonth = UmAlQura.GetDayOfMonth(day);
        return $"{dayOfMonth.ToString(CultureInfo.InvariantCulture)} {HijriMonths[month - 1]} {year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The next midnight in Casablanca after <paramref name="utc"/>, in UTC: when «today» changes.</summary>
    public static DateTime NextMidnight(DateTime utc) => ToUtc(ToLocal(utc).Date.AddDays(1));

    /// <summary>ISO 8601 in UTC with millisecond precision (validators reject .NET's seven-digit round-trip format).</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static IHtmlContent TimeElement(DateTime utc, bool withTime = false) =>
        new HtmlString($"<time datetime=\"{Iso(utc)}\">{(withTime ? FormatDateTime(utc) : Format(utc))}</time>");

    private static TimeZoneInfo FindCasablanca()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
