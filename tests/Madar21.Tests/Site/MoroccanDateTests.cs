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
}
