using Madar21.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>
/// An editor writes an article, edits it twice, reads the history's word-level difference and restores the first
/// version, which comes back as a new revision.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class RevisionJourney(BrowserSite site)
{
    private const string Section = "سياسة";

    /// <summary>Writes a new draft and saves it once more with another body; returns the edit page's path.</summary>
    public static async Task<string> WriteAndEditAsync(IPage page, string title, string firstBody, string secondBody)
    {
        await page.GotoAsync("/admin/articles/new");
        var form = page.Locator("form.article-form");
        await form.Field("title").FillAsync(title);
        await form.Field("section").SelectOptionAsync(new SelectOptionValue { Label = Section });
        await form.Field("body").FillAsync(firstBody);
        await SaveAsync(page);
        Assert.Matches("/admin/articles/[0-9]+/edit$", new Uri(page.Url).AbsolutePath);
        await form.Field("body").FillAsync(secondBody);
        await SaveAsync(page);
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task SaveAsync(IPage page)
    {
        var saved = await page.RunAndWaitForResponseAsync(
            () => page.Locator("form.article-form").GetByRole(AriaRole.Button, new() { Name = "حفظ", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        await page.WaitForLoadStateAsync();
        Assert.True(saved.Status < 400, $"saving answered {saved.Status}");
    }

    [SkippableTheory]
    [InlineData(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight)]
    [InlineData(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight)]
    public async Task Editor_edits_an_article_twice_and_restores_the_first_version(int width, int height)
    {
        var page = await site.NewPageAsync(width, height);
        var shot = $"revisions-{width}";
        await page.SignInAsync();
        var title = $"مقال يستعاد {width}";
        var edit = await WriteAndEditAsync(page, title, "افتتح الوزير المعرض صباح الاثنين.", "افتتح الوزير المعرض مساء الثلاثاء.");
        await page.Locator("form.article-form").Field("title").FillAsync(title + " (تحديث)");
        await SaveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "سجل التعديلات", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/history"));
        var rows = page.Locator(".revision-list tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        // By default the page shows what the last save changed: the title.
        await Assertions.Expect(page.Locator(".revision-diff .diff-title ins")).ToHaveTextAsync("(تحديث)");
        Assert.Equal("rtl", await page.Locator(".revision-diff").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.AssertNoHorizontalScrollAsync($"history at {width} px");
        await page.ScreenshotAsync($"{shot}-1-history");

        // The oldest against the article as it stands: the changed words, struck and underlined.
        await rows.Nth(2).GetByRole(AriaRole.Link, new() { Name = "قارنها بالحالية" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("from="));
        await Assertions.Expect(page.Locator(".revision-diff .diff-body del")).ToHaveTextAsync("صباح الاثنين");
        await Assertions.Expect(page.Locator(".revision-diff .diff-body ins")).ToHaveTextAsync("مساء الثلاثاء");
        var decoration = await page.Locator(".revision-diff .diff-body del").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine");
        Assert.Contains("line-through", decoration);
        await page.AssertNoHorizontalScrollAsync($"comparison at {width} px");
        await page.ScreenshotAsync($"{shot}-2-compare");

        await page.GetByRole(AriaRole.Button, new() { Name = "استعادة النسخة" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/history"));
        await Assertions.Expect(page.Locator(".admin-notice")).ToContainTextAsync("في نسخة جديدة");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.First.Locator("td[data-label=التغيير]")).ToContainTextAsync("استعادة النسخة");
        await page.ScreenshotAsync($"{shot}-3-restored");

        await page.GotoAsync(edit);
        Assert.Equal(title, await page.Locator("input[name=title]").InputValueAsync());
        Assert.Equal("افتتح الوزير المعرض صباح الاثنين.", await page.Locator("textarea[name=body]").InputValueAsync());
    }

    [SkippableTheory]
    [InlineData(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight)]
    [InlineData(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight)]
    public async Task Second_editor_is_refused_sees_what_changed_and_keeps_what_they_typed(int width, int height)
    {
        var first = await site.NewPageAsync(width, height);
        var second = await site.NewPageAsync(width, height);
        await first.SignInAsync();
        await second.SignInAsync();
        var edit = await WriteAndEditAsync(first, $"مقال يحرره اثنان {width}", "نص أول.", "وصل الوفد إلى الرباط صباحاً.");
        await second.GotoAsync(edit);

        await first.Locator("form.article-form").Field("body").FillAsync("وصل الوفد الرسمي إلى الرباط ظهراً.");
        await SaveAsync(first);
        await second.Locator("form.article-form").Field("body").FillAsync("وصل الوفد إلى الرباط صباحاً وغادر مساءً.");
        await second.Locator("form.article-form").GetByRole(AriaRole.Button, new() { Name = "حفظ", Exact = true }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("حفظ محرر آخر");
        await Assertions.Expect(second.Locator(".meanwhile-changes .diff-body ins")).ToHaveTextAsync(["الرسمي", "ظهراً"]);
        Assert.Equal("وصل الوفد إلى الرباط صباحاً وغادر مساءً.", await second.Locator("textarea[name=body]").InputValueAsync());
        await second.AssertNoHorizontalScrollAsync($"refused save at {width} px");
        await second.ScreenshotAsync($"revisions-{width}-4-refused");
    }
}
