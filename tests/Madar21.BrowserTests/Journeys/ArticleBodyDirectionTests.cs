using Madar21.BrowserTests.Infrastructure;

namespace Madar21.BrowserTests.Journeys;

/// <summary>The article body's textarea, where Arabic and English lines meet: each line starts on its own language's side.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ArticleBodyDirectionTests(BrowserSite site)
{
    [SkippableTheory]
    [InlineData(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight)]
    [InlineData(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight)]
    public async Task Each_line_of_the_body_is_laid_out_by_its_own_first_letter(int width, int height)
    {
        Prerequisites.RequireBrowser();
        var page = await site.NewPageAsync(width, height);
        await page.SignInAsync();
        await page.GotoAsync("/admin/articles/new");
        var body = page.Locator("textarea[name=body]");

        await body.FillAsync("سطر عربي في أول النص.\nAn English line, written left to right.\nسطر عربي فيه كلمة English في وسطه.\n\n- عنصر في قائمة\n- A list item in English");

        Assert.Equal("plaintext", await body.EvaluateAsync<string>("e => getComputedStyle(e).unicodeBidi"));
        Assert.Equal("auto", await body.GetAttributeAsync("dir"));
        // What the eye checks: Arabic lines flush right, English lines flush left, in the same field.
        await body.ScreenshotAsync($"article-body-directions-{width}");
    }
}
