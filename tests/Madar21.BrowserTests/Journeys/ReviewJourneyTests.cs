using Madar21.BrowserTests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>
/// The newsroom in a real browser: a writer on a phone drafts and submits; their forged publish requests, sent by
/// the page's own script with a valid antiforgery token, are refused with 403; an editor at a desktop finds the
/// piece in the review queue and publishes it; a reader then finds it.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ReviewJourneyTests(BrowserSite site)
{
    private const string Title = "المراسل: الأمطار تعيد الحياة إلى سد المسيرة";

    // What a crafted request sends: the page's own antiforgery token (from the sign-out form every admin page has)
    // and fields the writer's form never offered.
    private const string ForgedPost = """
        async ([url, fields]) => {
            const token = document.querySelector('form.admin-user input[name=__RequestVerificationToken]').value;
            const body = new URLSearchParams({ ...fields, __RequestVerificationToken: token });
            const response = await fetch(url, { method: 'POST', body, redirect: 'manual' });
            return response.status;
        }
        """;

    [SkippableFact]
    public async Task A_writer_submits_an_editor_publishes_from_the_queue_and_a_forged_publish_is_refused()
    {
        var server = await site.ServerAsync();
        var writer = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await writer.SignInAsWriterAsync(server);

        await writer.GotoAsync("/admin/articles/new");
        var form = writer.Locator("form.article-form");
        Assert.Equal(0, await form.Locator("input[name=status]").CountAsync());
        await form.Field("title").FillAsync(Title);
        await form.Field("section").SelectOptionAsync(new SelectOptionValue { Label = "سياسة" });
        await form.Field("body").FillAsync("ارتفعت حقينة سد المسيرة بعد أمطار الأسبوع.\n\nويقول الفلاحون إن الموسم قد ينقذ.");
        await writer.ScreenshotAsync("review-1-writer-form-375");
        await writer.AssertNoHorizontalScrollAsync("the writer's form at 375 px");
        await writer.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "إرسال للمراجعة", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == writer.MainFrame && r.Status is < 300 or >= 400);
        await writer.WaitForLoadStateAsync();
        Assert.Matches("/admin/articles/[0-9]+/edit$", new Uri(writer.Url).AbsolutePath);
        Assert.Equal(0, await writer.Locator("form.article-form").CountAsync()); // locked until an editor answers
        await writer.ScreenshotAsync("review-2-writer-submitted-375");
        var id = int.Parse(new Uri(writer.Url).AbsolutePath.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

        // Forged from the page: publish a new article, publish this one, publish it from the queue.
        var section = await server.WithDb(db => db.Sections.Where(s => s.Name == "سياسة").Select(s => s.Id).SingleAsync());
        var forgedTitle = "مقال نشره كاتب بطلب مزوّر";
        var fields = new Dictionary<string, string>
        {
            ["title"] = forgedTitle, ["section"] = section.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = "نص.", ["status"] = "Published",
        };
        Assert.Equal(403, await writer.EvaluateAsync<int>(ForgedPost, new object[] { "/admin/articles/new", fields }));
        Assert.Equal(403, await writer.EvaluateAsync<int>(ForgedPost, new object[] { $"/admin/articles/{id}/edit", fields }));
        Assert.Equal(403, await writer.EvaluateAsync<int>(ForgedPost, new object[] { "/admin/review?handler=Publish", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) } }));
        Assert.False(await server.WithDb(db => db.Articles.AnyAsync(a => a.Title == forgedTitle)));
        Assert.Equal(ArticleStatus.PendingReview, await server.WithDb(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        await writer.Context.CloseCheckedAsync();

        // The editor: the count in the navigation, the queue, «نشر الآن».
        var editor = await site.NewPageAsync();
        await editor.SignInAsync();
        var reviewLink = editor.GetByRole(AriaRole.Navigation, new() { Name = "الإدارة" }).Locator("a[href='/admin/review']");
        Assert.Matches("[0-9]+", await reviewLink.Locator(".admin-count").InnerTextAsync());
        await reviewLink.ClickAsync();
        await editor.WaitForURLAsync(url => url.EndsWith("/admin/review"));
        var item = editor.Locator($"#review-{id}");
        Assert.Contains(Title, await item.InnerTextAsync());
        await editor.ScreenshotAsync("review-3-queue-1280");
        await editor.SetViewportSizeAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await editor.AssertNoHorizontalScrollAsync("the review queue at 375 px");
        await editor.ScreenshotAsync("review-3-queue-375");
        await editor.SetViewportSizeAsync(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight);
        await editor.RunAndWaitForResponseAsync(
            () => item.GetByRole(AriaRole.Button, new() { Name = "نشر الآن" }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == editor.MainFrame && r.Status is < 300 or >= 400);
        await editor.WaitForLoadStateAsync();
        Assert.Equal(0, await editor.Locator($"#review-{id}").CountAsync());
        await editor.Context.CloseCheckedAsync();

        // A reader finds it on the home page.
        var reader = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await reader.GotoAsync("/");
        await reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).First.ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains($"/article/{id}/"));
        Assert.Equal(Title, (await reader.Locator("h1").InnerTextAsync()).Trim());
        await reader.Context.CloseCheckedAsync();
    }
}
