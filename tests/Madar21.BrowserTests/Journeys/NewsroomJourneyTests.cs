using Madar21.BrowserTests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>
/// A piece from the writer's desk to the reader, in a real browser: the writer names themselves, drafts with two
/// tags, changes the draft and submits it; the editor reads what the writer last changed, word by word, and
/// publishes from the queue; the reader finds the byline and the tags, each linking to its page and its feed.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class NewsroomJourneyTests(BrowserSite site)
{
    private const string Title = "مراسلنا: موسم الزيتون يبدأ مبكرًا في تاونات";
    private const string WriterName = "كريم المراسل";

    [SkippableFact]
    public async Task A_writer_s_tagged_piece_goes_through_review_and_reaches_readers_with_its_byline_and_tags()
    {
        var server = await site.ServerAsync();
        var writer = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await writer.SignInAsWriterAsync(server);

        // The byline readers will see is the writer's own public name.
        await writer.GotoAsync("/admin/account/profile");
        var profile = writer.Locator("main form[method=post]");
        await profile.Field("displayName").FillAsync(WriterName);
        await profile.Field("bio").FillAsync("مراسل الجريدة في جهة فاس مكناس.");
        await profile.SubmitAsync();

        await writer.GotoAsync("/admin/articles/new");
        var form = writer.Locator("form.article-form");
        await form.Field("title").FillAsync(Title);
        await form.Field("section").SelectOptionAsync(new SelectOptionValue { Label = "سياسة" });
        await form.Field("tags").FillAsync("الفلاحة، تاونات");
        await form.Field("body").FillAsync("بدأ جني الزيتون في تاونات قبل موعده بأسبوعين.");
        await ClickAsync(writer, form.GetByRole(AriaRole.Button, new() { Name = "حفظ المسودة", Exact = true }));
        Assert.Matches("/admin/articles/[0-9]+/edit$", new Uri(writer.Url).AbsolutePath);
        var id = int.Parse(new Uri(writer.Url).AbsolutePath.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

        form = writer.Locator("form.article-form");
        await form.Field("body").FillAsync("بدأ جني الزيتون في تاونات قبل موعده بثلاثة أسابيع، بعد صيف حار.");
        await ClickAsync(writer, form.GetByRole(AriaRole.Button, new() { Name = "إرسال للمراجعة", Exact = true }));
        Assert.Equal(ArticleStatus.PendingReview, await server.WithDb(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        await writer.Context.CloseCheckedAsync();

        // The editor reads what the writer changed last, then publishes from the queue.
        var editor = await site.NewPageAsync();
        await editor.SignInAsync();
        await editor.GotoAsync("/admin/review");
        var item = editor.Locator($"#review-{id}");
        Assert.Contains(WriterName, await item.InnerTextAsync());
        await item.GetByRole(AriaRole.Link, new() { Name = "ما غيّره الكاتب آخر مرة" }).ClickAsync();
        await editor.WaitForURLAsync(url => url.Contains($"/admin/articles/{id}/history"));
        var body = editor.Locator(".revision-diff .diff-body");
        Assert.Contains("بأسبوعين", string.Join(" ", await body.Locator("del").AllInnerTextsAsync()));
        Assert.Contains("بثلاثة", string.Join(" ", await body.Locator("ins").AllInnerTextsAsync()));
        await editor.ScreenshotAsync("newsroom-1-editor-reads-the-change-1280");
        await editor.GotoAsync("/admin/review");
        await ClickAsync(editor, editor.Locator($"#review-{id}").GetByRole(AriaRole.Button, new() { Name = "نشر الآن" }));
        Assert.Equal(ArticleStatus.Published, await server.WithDb(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        await editor.Context.CloseCheckedAsync();

        // The reader: the byline and the tags, each a page with its own feed.
        var reader = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        var path = await server.WithDb(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        await reader.GotoAsync($"/article/{id}/{Uri.EscapeDataString(path)}");
        Assert.Equal(Title, (await reader.Locator("h1").InnerTextAsync()).Trim());
        var byline = reader.Locator("main .byline a[rel=author]");
        Assert.Equal(WriterName, (await byline.InnerTextAsync()).Trim());
        var tags = reader.Locator("main a[rel=tag]");
        Assert.Equal(new[] { "الفلاحة", "تاونات" }, (await tags.AllInnerTextsAsync()).Select(t => t.Trim()).Order());
        await reader.ScreenshotAsync("newsroom-2-reader-article-375");
        await reader.AssertNoHorizontalScrollAsync("the article with its byline and tags at 375 px");

        await byline.ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains("/author/"));
        Assert.Contains(WriterName, await reader.Locator("h1").InnerTextAsync());
        await Assertions.Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await AssertFeedListsTitleAsync(reader);

        await reader.GoBackAsync();
        await reader.Locator("main a[rel=tag]", new() { HasText = "تاونات" }).ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains("/tag/"));
        await Assertions.Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await AssertFeedListsTitleAsync(reader);
        await reader.Context.CloseCheckedAsync();
    }

    private static async Task ClickAsync(IPage page, ILocator button)
    {
        await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        await page.WaitForLoadStateAsync();
    }

    /// <summary>The page's own feed (its second rel=alternate, after the site's) answers RSS that lists the piece.</summary>
    private static async Task AssertFeedListsTitleAsync(IPage page)
    {
        var feeds = await page.Locator("head link[rel=alternate][type='application/rss+xml']").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
        var own = Assert.Single(feeds, href => !href.EndsWith("/feed", StringComparison.Ordinal) || href.Contains("/author/") || href.Contains("/tag/"));
        var response = await page.APIRequest.GetAsync(own);
        Assert.Equal(200, response.Status);
        Assert.Contains(Title, await response.TextAsync());
    }
}
