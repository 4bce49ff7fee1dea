using Madar21.Web.Site.Dates;
using Madar21.Web.Site;

namespace Madar21.Tests.Site;

public class MoroccanDateTests
{
    [Theory]
    [InlineData(1, "يناير")] [InlineData(2, "فبراير")] [InlineData(3, "مارس")] [InlineData(4, "أبريل")]
    [InlineData(5, "ماي")] [InlineData(6, "يونيو")] [InlineData(7, "يوليوز")] [InlineData(8, "غشت")]
    [InlineData(9, "شتنبر")] [InlineData(10, "أكتوبر")] [InlineData(11, "نونبر")] [InlineData(12, "دجنبر")]
    public void Months_have_their_moroccan_names_with_western_digits(int month, string name) =>
        Assert.Equal($"15 {name} 2022", MoroccanDate.Format(new DateTime(2022, month, 15, 11, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void The_date_is_the_one_in_casablanca()
    {
        // 23:30 UTC on 9 May 2022 is already 10 May in Casablanca (UTC+1 outside Ramadan).
        Assert.Equal("10 ماي 2022", MoroccanDate.Format(new DateTime(2022, 5, 9, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_machine_readable_time_has_millisecond_precision()
    {
        var html = MoroccanDate.TimeElement(new DateTime(2022, 5, 10, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234567)).ToString();
        Assert.Equal("<time datetime=\"2022-05-10T09:30:15.123Z\">10 ماي 2022</time>", html);
    }

    [Fact]
    public void A_casablanca_wall_clock_time_converts_to_utc_and_back()
    {
        // 10 May 2022, 00:30 in Casablanca (UTC+1) is 23:30 UTC the day before.
        var utc = MoroccanDate.ToUtc(new DateTime(2022, 5, 10, 0, 30, 0));
        Assert.Equal(new DateTime(2022, 5, 9, 23, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2022, 5, 10, 0, 30, 0), MoroccanDate.ToLocal(utc));
    }

    [Fact]
    public void A_time_with_its_clock_shows_hours_and_minutes_in_casablanca()
    {
        Assert.Equal("10 ماي 2022، 00:30", MoroccanDate.FormatWithTime(new DateTime(2022, 5, 9, 23, 30, 0, DateTimeKind.Utc)));
    }

    /// <summary>
    /// Casablanca is on UTC+1 except during Ramadan, when it goes back to UTC: in 2026 from 15 February 03:00 (the
    /// clock shows 02:00 again) to 22 March 02:00 (the clock jumps to 03:00).
    /// </summary>
    [Theory]
    [InlineData("2026-12-03T13:05:00Z", "3 دجنبر 2026 - 14:05")]
    [InlineData("2026-02-15T01:59:00Z", "15 فبراير 2026 - 02:59")] // the last minute on UTC+1
    [InlineData("2026-02-15T02:00:00Z", "15 فبراير 2026 - 02:00")] // the same hour again, now on UTC
    [InlineData("2026-03-22T01:59:00Z", "22 مارس 2026 - 01:59")] // the last minute of Ramadan time
    [InlineData("2026-03-22T02:00:00Z", "22 مارس 2026 - 03:00")] // UTC+1 again: 02:00 never shows
    [InlineData("2026-12-31T23:30:00Z", "1 يناير 2027 - 00:30")] // the local day, month and year, not UTC's
    public void An_articles_date_shows_the_time_of_day_in_casablanca_across_the_clock_changes(string utc, string expected) =>
        Assert.Equal(expected, MoroccanDate.FormatDateTime(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Theory]
    [InlineData(0, "1 رمضان 1447")] // Umm al-Qura: Ramadan 1447 began on 18 February 2026
    [InlineData(-1, "29 شعبان 1447")]
    [InlineData(1, "2 رمضان 1447")]
    [InlineData(2, "3 رمضان 1447")]
    public void The_hijri_date_is_umm_al_qura_moved_by_the_offset(int offset, string expected) =>
        Assert.Equal(expected, MoroccanDate.Hijri(new DateTime(2026, 2, 18, 12, 0, 0, DateTimeKind.Utc), offset));

    [Fact]
    public void The_hijri_date_is_that_of_the_day_in_casablanca()
    {
        // 23:30 UTC on 2 December 2026 is already 3 December in Casablanca (UTC+1).
        var lateEvening = MoroccanDate.Hijri(new DateTime(2026, 12, 2, 23, 30, 0, DateTimeKind.Utc), 0);
        Assert.Equal(MoroccanDate.Hijri(new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc), 0), lateEvening);
        Assert.NotEqual(MoroccanDate.Hijri(new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc), 0), lateEvening);
    }

    [Fact]
    public void Outside_the_years_umm_al_qura_covers_there_is_no_hijri_date() =>
        Assert.Null(MoroccanDate.Hijri(new DateTime(2100, 1, 1, 12, 0, 0, DateTimeKind.Utc), 0));

    [Fact]
    public void The_next_midnight_is_casablancas()
    {
        // 22:30 UTC on 2 December 2026 is 23:30 in Casablanca (UTC+1): the day changes at 23:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 2, 23, 0, 0, DateTimeKind.Utc), MoroccanDate.NextMidnight(new DateTime(2026, 12, 2, 22, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 12, 3, 23, 0, 0, DateTimeKind.Utc), MoroccanDate.NextMidnight(new DateTime(2026, 12, 2, 23, 0, 0, DateTimeKind.Utc)));
    }
}
