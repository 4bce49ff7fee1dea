using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Latest;

/// <summary>/latest: every public article of every section, newest first, 20 a page back through the archive.</summary>
public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string PathOf(int id, string slug) => $"/article/{id}/{Uri.EscapeDataString(slug)}";

    private async Task<List<string>> PublicNewestFirstAsync() => await factory.WithDb(async db =>
        (await db.Articles.AsNoTracking().Where(a => a.Status != ArticleStatus.Draft && a.PublishedAt <= factory.Clock.GetUtcNow().UtcDateTime)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => new { a.Id, a.Slug }).ToListAsync())
        .Select(a => PathOf(a.Id, a.Slug)).ToList());

    [SkippableFact]
    public async Task The_latest_news_page_back_through_every_section_with_prev_and_next_links_and_their_own_canonical()
    {
        var client = await factory.StartAsync();
        if (await factory.WithDb(db => db.Articles.CountAsync()) < 45)
        {
            string[] sections = ["سياسة", "رياضة", "اقتصاد"];
            await factory.WithDb(async db =>
            {
                var now = factory.Clock.GetUtcNow().UtcDateTime;
                for (var i = 0; i < 45; i++)
                    AnArticle($"خبر الأرشيف رقم {i}").InSection(sections[i % 3]).Published(TimeSpan.FromMinutes(i)).AddTo(db, now);
                AnArticle("مسودة لا تظهر في الأرشيف").Draft().AddTo(db, now);
                AnArticle("مقال مجدول لا يظهر بعد").ScheduledAt(now.AddHours(3)).AddTo(db, now);
                await db.SaveChangesAsync();
            });
        }
        var expected = await PublicNewestFirstAsync();

        var first = await client.GetPageAsync("/latest");
        var second = await client.GetPageAsync("/latest?page=2");
        List<string?> Links(AngleSharp.Html.Dom.IHtmlDocument doc) => doc.QuerySelectorAll("main .card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(expected.Take(20), Links(first));
        Assert.Equal(expected.Skip(20).Take(20), Links(second));
        Assert.DoesNotContain("مسودة لا تظهر في الأرشيف", first.DocumentElement.TextContent + second.DocumentElement.TextContent);

        Assert.Null(first.QuerySelector("link[rel=prev]"));
        Assert.Equal("/latest?page=2", first.QuerySelector("head link[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/latest", second.QuerySelector("head link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/latest?page=3", second.QuerySelector("main a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/latest?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("meta[name=robots]"));
        Assert.StartsWith("آخر الأخبار — الصفحة 2", second.Title);

        var last = (expected.Count + 19) / 20;
        var lastPage = await client.GetPageAsync($"/latest?page={last}");
        Assert.Null(lastPage.QuerySelector("a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/latest?page={last + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/latest?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/latest?page=-4")).StatusCode);
    }
}
