using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>Both calendars on every date and in the masthead, the Admin's Hijri correction, and the reading time.</summary>
public class DatesTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static string Words(int count) => string.Join(' ', Enumerable.Repeat("كلمة", count));

    [Fact]
    public async Task An_article_shows_its_date_in_both_calendars_and_its_reading_time()
    {
        var client = await factory.StartAsync();
        var at = new DateTime(2026, 2, 18, 10, 0, 0, DateTimeKind.Utc);
        var article = await AnArticle("مقال بتاريخين " + Guid.NewGuid().ToString("N")[..6]).WithBody(Words(300)).PublishedAt(at).SaveAsync(factory);

        var doc = await client.GetPageAsync(PathOf(article));
        var meta = doc.QuerySelector(".article-header .card-meta")!;
        Assert.Equal("2026-02-18T10:00:00.000Z", meta.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("18 فبراير 2026 - 10:00", meta.QuerySelector("time")!.Text()); // Ramadan: Casablanca on UTC
        Assert.Equal("1 رمضان 1447", meta.QuerySelector(".hijri")!.Text());
        Assert.Equal("3 دقائق قراءة", meta.QuerySelector(".reading-time")!.Text());
        Assert.Equal(3, await factory.WithDb(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.ReadingMinutes).SingleAsync()));
    }

    [Fact]
    public async Task The_reading_time_follows_every_change_of_the_body()
    {
        var client = await factory.StartAsync();
        var article = await AnArticle("مقال يقصر " + Guid.NewGuid().ToString("N")[..6]).WithBody(Words(300)).Published().SaveAsync(factory);
        await UpdateAsync(factory, article.Id, a => a.BodyMarkdown = Words(150));

        Assert.Equal("دقيقتا قراءة", (await client.GetPageAsync(PathOf(article))).QuerySelector(".reading-time")!.Text());
    }

    [Fact]
    public async Task The_masthead_shows_today_in_both_calendars()
    {
        var client = await factory.StartAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var today = (await client.GetPageAsync("/")).QuerySelector(".masthead .today")!;
        Assert.Equal(MoroccanDate.Format(now), today.QuerySelector("time")!.Text());
        Assert.Equal(MoroccanDate.Hijri(now, 0), today.QuerySelector(".hijri")!.Text());
    }

    [Fact]
    public async Task An_admins_hijri_offset_moves_every_date_at_once_even_on_cached_pages()
    {
        var reader = await factory.StartAsync();
        var at = new DateTime(2026, 2, 18, 10, 0, 0, DateTimeKind.Utc);
        var article = await AnArticle("مقال والهلال " + Guid.NewGuid().ToString("N")[..6]).PublishedAt(at).SaveAsync(factory);
        await reader.GetAsync(PathOf(article));
        Assert.NotNull((await reader.GetAsync(PathOf(article))).Headers.Age);

        var admin = await factory.SignedInAsAdminAsync();
        var form = (await admin.GetPageAsync("/admin/settings")).Form();
        var response = await admin.SubmitAsync(form.Fill(new Dictionary<string, string> { ["HijriOffsetDays"] = "-1" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        try
        {
            Assert.Equal(-1, await factory.WithDb(db => db.ReaderSettings.Select(s => s.HijriOffsetDays).SingleAsync()));
            var page = await reader.GetAsync(PathOf(article));
            Assert.Null(page.Headers.Age);
            var doc = await page.ParsePageAsync();
            Assert.Equal("29 شعبان 1447", doc.QuerySelector(".article-header .hijri")!.Text());
            Assert.Equal("18 فبراير 2026 - 10:00", doc.QuerySelector(".article-header time")!.Text());
            Assert.Equal("checked", (await admin.GetPageAsync("/admin/settings")).QuerySelector("input[name=HijriOffsetDays][value='-1']")!.GetAttribute("checked"));
        }
        finally
        {
            await factory.WithDb(async db => { (await db.ReaderSettings.SingleAsync()).HijriOffsetDays = 0; await db.SaveChangesAsync(); });
        }
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-7")]
    [InlineData("غدا")]
    public async Task An_offset_beyond_two_days_is_refused_in_arabic_and_nothing_changes(string value)
    {
        var admin = await factory.SignedInAsAdminAsync();
        var form = (await admin.GetPageAsync("/admin/settings")).Form();
        // A crafted post: the browser only offers −2…+2.
        var radio = (AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=HijriOffsetDays][value='0']")!;
        radio.SetAttribute("value", value);
        radio.IsChecked = true;
        var response = await admin.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ParsePageAsync()).QuerySelector(".field-error")!.Text();
        Assert.Matches(@"\p{IsArabic}", error);
        Assert.Equal(0, await factory.WithDb(db => db.ReaderSettings.Select(s => (int?)s.HijriOffsetDays).SingleOrDefaultAsync()) ?? 0);
    }

    [Fact]
    public async Task Only_an_admin_may_change_the_settings()
    {
        var editor = await factory.SignedInAsEditorAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/settings")).StatusCode);
    }
}
