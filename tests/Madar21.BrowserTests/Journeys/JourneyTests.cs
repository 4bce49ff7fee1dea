using Madar21.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>
/// The people who use the site, in a real browser: a reader on a phone and on a desktop, a commenter, an editor
/// and a keyboard user. They run in this order: the editor approves the comment that the commenter left.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class JourneyTests(BrowserSite site)
{
    private const string Section = "سياسة";

    [SkippableTheory, Step(1)]
    [InlineData(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight)]
    [InlineData(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight)]
    public async Task Reader_goes_from_the_home_page_to_a_section_and_an_article_in_a_right_to_left_layout(int width, int height)
    {
        var page = await site.NewPageAsync(width, height);
        var shot = $"1-reader-{width}";

        await page.GotoAsync("/");
        Assert.Equal("rtl", await page.ComputedDirectionAsync());
        await page.ScreenshotAsync($"{shot}-1-home");
        await page.AssertNoHorizontalScrollAsync($"home at {width} px");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "الأقسام" })
            .GetByRole(AriaRole.Link, new() { Name = Section, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => Uri.UnescapeDataString(url).EndsWith($"/section/{Section}"));
        Assert.Equal(Section, (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.ScreenshotAsync($"{shot}-2-section");
        await page.AssertNoHorizontalScrollAsync($"section page at {width} px");

        var articleLink = page.Locator("main .card-title a").First;
        var title = (await articleLink.InnerTextAsync()).Trim();
        await articleLink.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/article/"));
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("rtl", await page.ComputedDirectionAsync());
        await page.ScreenshotAsync($"{shot}-3-article");
        await page.AssertNoHorizontalScrollAsync($"article at {width} px");

        // The text column sits on the right, where a right-to-left reader's eye starts: at a desktop width it is
        // nearer the right edge than the left, and on a phone, where it fills the width, at least not farther.
        var body = page.Locator(".article-body");
        var (right, left) = await body.GapsToViewportEdgesAsync();
        if (width >= BrowserSite.DesktopWidth)
            Assert.True(right < left, $"the text column is {right} px from the right edge and {left} px from the left");
        else
            Assert.True(right <= left + 1, $"the text column is {right} px from the right edge and {left} px from the left");

        // And each paragraph's first letter is drawn at the column's right edge.
        var (fromRight, fromLeft) = await body.Locator("p").First.FirstLetterOffsetsAsync();
        Assert.True(fromRight < 2 && fromLeft > fromRight,
            $"the first letter is {fromRight} px from the paragraph's right edge and {fromLeft} px from its left");

        await page.Context.CloseAsync();
    }
}
