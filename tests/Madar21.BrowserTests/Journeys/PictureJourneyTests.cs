using Madar21.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>An editor's picture, from the upload form to the reader's phone: upright, responsive, from our own server only.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class PictureJourneyTests(BrowserSite site)
{
    [SkippableFact]
    public async Task Editor_uploads_a_photo_leads_an_article_with_it_and_a_phone_loads_a_small_derivative_of_it()
    {
        const string alt = "قوارب الصيد في ميناء الصويرة";
        const string title = "موسم صيد السردين يبدأ في الصويرة";
        var editor = await site.NewPageAsync();
        await editor.SignInAsync();

        await editor.GotoAsync("/admin/media/upload");
        await editor.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "IMG_2031.jpg", MimeType = "image/jpeg", Buffer = SiteServer.Photo(2400, 1600, 60),
        });
        await editor.Locator("input[name=alt]").FillAsync(alt);
        await editor.Locator("input[name=credit]").FillAsync("تصوير: مريم");
        await editor.ScreenshotAsync("picture-1-upload");
        await editor.RunAndWaitForResponseAsync(
            () => editor.GetByRole(AriaRole.Button, new() { Name = "رفع", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == editor.MainFrame && r.Status < 300);
        await editor.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/media");
        await Assertions.Expect(editor.Locator(".media-item").First.Locator(".media-alt")).ToHaveTextAsync(alt);
        await editor.ScreenshotAsync("picture-2-library");

        await editor.GotoAsync("/admin/articles/new");
        var form = editor.Locator("form[method=post]:has([name=title]):has([name=body])");
        await form.Field("title").FillAsync(title);
        await form.Field("section").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Field("body").FillAsync("بدأ الموسم مع أول الفجر.");
        await form.Locator("label.lead-choice").Filter(new() { HasText = alt }).Locator("input[type=radio]").CheckAsync();
        await form.Locator("input[name=leadCaption]").FillAsync("القوارب عند عودتها");
        await form.Locator("input[name=status][value=Published]").CheckAsync();
        await editor.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "حفظ", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == editor.MainFrame && r.Status is < 300 or >= 400);
        await editor.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/edit", StringComparison.Ordinal));

        // A reader on a phone: the picture leads the article, loaded from our own server in AVIF or WebP, 640 px or smaller.
        var context = await site.NewContextAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        var reader = await context.NewPageAsync();
        var requested = new List<string>();
        reader.Request += (_, request) => requested.Add(request.Url);
        await reader.GotoAsync("/");
        await reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains("/article/"));
        var img = reader.Locator("figure.picture-lead img");
        await Assertions.Expect(img).ToHaveAttributeAsync("alt", alt);
        await reader.WaitForFunctionAsync("() => { const i = document.querySelector('figure.picture-lead img'); return i.complete && i.naturalWidth > 0; }");
        var current = await img.EvaluateAsync<string>("i => i.currentSrc");
        Assert.Matches(@"/media/\S+-(320|640)\.(avif|webp)$", current);
        var (naturalWidth, naturalHeight) = (await img.EvaluateAsync<int>("i => i.naturalWidth"), await img.EvaluateAsync<int>("i => i.naturalHeight"));
        Assert.True(naturalWidth > naturalHeight, "landscape, as taken");
        Assert.Contains("القوارب عند عودتها", await reader.Locator("figure.picture-lead figcaption").InnerTextAsync());
        // Nothing moves when it arrives: the box had its proportions before the bytes came.
        Assert.Equal(("1920", "1280"), (await img.GetAttributeAsync("width"), await img.GetAttributeAsync("height")));
        var origin = new Uri((await site.ServerAsync()).BaseUrl).GetLeftPart(UriPartial.Authority);
        Assert.All(requested, url => Assert.StartsWith(origin, url));
        await reader.ScreenshotAsync("picture-3-article-phone");
        await context.CloseCheckedAsync();
    }
}
