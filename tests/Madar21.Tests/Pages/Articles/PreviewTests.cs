using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Articles;

/// <summary>
/// A draft or scheduled article at its own address: a signed-in staff member sees it marked as such, uncached and
/// unindexed; a reader gets the 404 of no article at all, before and after, and it is in no list.
/// </summary>
public class PreviewTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task Staff_see_a_draft_marked_as_such_never_cached_while_readers_get_404_before_and_after()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var draft = await AnArticle(Unique("مسودة للمعاينة")).WithBody("نص **المسودة**.").Draft().SaveAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PathOf(draft))).StatusCode);

        var preview = await editor.GetAsync(PathOf(draft));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("private, no-store", preview.Headers.NonValidated.TryGetValues("Cache-Control", out var cacheControl) ? cacheControl.ToString() : "");
        Assert.Null(preview.Headers.Age);
        var page = await preview.ParsePageAsync();
        Assert.Equal("مسودة — غير منشور", page.QuerySelector(".preview-banner")!.Text());
        Assert.Equal(draft.Title, page.QuerySelector("h1")!.Text());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("form.comment-form"));

        // The preview was not stored for anyone: a reader, with or without the page cache, still gets 404.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PathOf(draft))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(PathOf(draft))).StatusCode);
        foreach (var list in new[] { "/", "/latest", "/section/" + Uri.EscapeDataString("سياسة") })
        {
            Assert.DoesNotContain(PathOf(draft), (await editor.GetPageAsync(list)).DocumentElement.OuterHtml);
            Assert.DoesNotContain(PathOf(draft), (await reader.GetPageAsync(list)).DocumentElement.OuterHtml);
        }

        // A wrong slug leads staff to the draft's current address, without a permanent redirect (it may still change).
        var wrong = await editor.GetAsync($"/article/{draft.Id}/slug-qadim");
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal(PathOf(draft), wrong.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_scheduled_article_says_when_it_will_appear()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var at = new DateTime(2031, 3, 4, 9, 30, 0, DateTimeKind.Utc);
        var scheduled = await AnArticle(Unique("مقال مجدول للمعاينة")).ScheduledAt(at).SaveAsync(factory);

        var page = await editor.GetPageAsync(PathOf(scheduled));
        Assert.Equal("مجدول — يُنشر في 4 مارس 2031 - 10:30", page.QuerySelector(".preview-banner")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PathOf(scheduled))).StatusCode);
    }

    [Fact]
    public async Task A_preview_is_not_counted_as_a_read()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var draft = await AnArticle(Unique("مسودة لا تعد قراءتها")).Draft().SaveAsync(factory);
        var published = await AnArticle(Unique("مقال تعد قراءته")).Published().SaveAsync(factory);
        const string browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        foreach (var (client, article) in new[] { (editor, draft), (reader, published) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, PathOf(article));
            request.Headers.UserAgent.ParseAdd(browser);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        await factory.WithDb(db => factory.Services.GetRequiredService<Web.Readers.ViewCounter>().FlushAsync(db, default));
        var counted = await factory.WithDb(db => db.ArticleViews.Where(v => v.ArticleId == draft.Id || v.ArticleId == published.Id)
            .Select(v => v.ArticleId).Distinct().ToListAsync());
        Assert.Equal([published.Id], counted);
    }

    [Fact]
    public async Task A_published_article_shows_no_banner_to_staff()
    {
        await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var article = await AnArticle(Unique("مقال منشور")).Published().SaveAsync(factory);
        Assert.Null((await editor.GetPageAsync(PathOf(article))).QuerySelector(".preview-banner"));
    }
}
