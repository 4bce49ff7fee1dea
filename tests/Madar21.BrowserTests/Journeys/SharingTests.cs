using Madar21.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>Sharing an article without tracking: the page asks nothing of anyone else, and the copy button copies.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class SharingTests(BrowserSite site)
{
    [SkippableFact]
    public async Task The_article_page_requests_nothing_from_another_origin_and_the_copy_button_copies_its_address()
    {
        var server = await site.ServerAsync();
        var context = await site.NewContextAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.BaseUrl });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        var path = await server.SeedArticlePathAsync();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Contains(requested, url => url.Contains("/js/share.js", StringComparison.Ordinal));
        Assert.All(requested, url => Assert.StartsWith(server.BaseUrl, url));

        var share = page.GetByRole(AriaRole.Navigation, new() { Name = "شارك المقال" });
        foreach (var (label, start) in new[]
        {
            ("واتساب", "https://wa.me/?text="), ("فيسبوك", "https://www.facebook.com/sharer/sharer.php?u="),
            ("إكس", "https://x.com/intent/tweet?"), ("تيليغرام", "https://t.me/share/url?url="), ("البريد الإلكتروني", "mailto:?subject="),
        })
        {
            var href = await share.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).GetAttributeAsync("href");
            Assert.StartsWith(start, href);
        }

        await share.GetByRole(AriaRole.Link, new() { Name = "نسخ الرابط" }).ClickAsync();
        await Assertions.Expect(share.GetByRole(AriaRole.Status)).ToHaveTextAsync("نُسخ رابط المقال.");
        Assert.Equal(server.BaseUrl + path, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        Assert.EndsWith(path, page.Url); // the click copied instead of following the link
        await page.Locator("nav.share").ScreenshotAsync("share-links-375");
        Assert.All(requested, url => Assert.StartsWith(server.BaseUrl, url));
        await context.CloseAsync();
    }
}
