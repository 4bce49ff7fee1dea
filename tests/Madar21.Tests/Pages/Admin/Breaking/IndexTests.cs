using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Breaking;

/// <summary>«عاجل»: set by an editor, on every public page until it expires or is removed, cached pages included.</summary>
public class IndexTests
{
    private static readonly string[] PublicPages = ["/", "/section/" + Uri.EscapeDataString("سياسة"), "/search?q=" + Uri.EscapeDataString("بلينكن")];

    private static async Task WarmAsync(HttpClient reader)
    {
        foreach (var page in PublicPages) await reader.GetAsync(page);
        foreach (var page in PublicPages) Assert.NotNull((await reader.GetAsync(page)).Headers.Age);
    }

    private static async Task<HttpResponseMessage> SetAsync(HttpClient editor, Dictionary<string, string> values)
    {
        var form = (await editor.GetPageAsync("/admin/breaking")).Form();
        return await editor.SubmitAsync(form.Fill(values));
    }

    [Fact]
    public async Task A_breaking_line_shows_at_once_on_every_cached_page_and_goes_when_it_expires()
    {
        using var factory = new MadarFactory();
        var reader = await factory.StartAsync();
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).FirstAsync());
        await WarmAsync(reader);

        var editor = await factory.SignedInAsEditorAsync();
        var expires = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        var response = await SetAsync(editor, new()
        {
            ["Text"] = "  زلزال بقوة 5 درجات   يضرب الحسيمة ",
            ["Article"] = $"{MadarFactory.BaseUrl}/article/{article.Id}/old-slug",
            ["ExpiresAt"] = MoroccanDate.WallClockValue(expires)!,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var page in PublicPages)
        {
            var answer = await reader.GetAsync(page);
            Assert.Null(answer.Headers.Age);
            var bar = (await answer.ParsePageAsync()).QuerySelector("section.breaking")!;
            Assert.Equal("breaking-label", bar.GetAttribute("aria-labelledby"));
            Assert.Equal("عاجل", bar.QuerySelector("#breaking-label")!.Text());
            var link = bar.QuerySelector("a")!;
            Assert.Equal("زلزال بقوة 5 درجات يضرب الحسيمة", link.Text());
            Assert.Equal($"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}", link.GetAttribute("href"));
        }
        await WarmAsync(reader);

        factory.Clock.Advance(expires - factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        HttpResponseMessage home;
        var waited = 0;
        do
        {
            await Task.Delay(20);
            home = await reader.GetAsync("/");
        } while (home.Headers.Age is not null && (waited += 20) < 5000);
        Assert.Null(home.Headers.Age);
        Assert.Null((await home.ParsePageAsync()).QuerySelector(".breaking"));
    }

    [Fact]
    public async Task Removing_the_line_takes_it_off_every_cached_page_at_once()
    {
        using var factory = new MadarFactory();
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        await SetAsync(editor, new() { ["Text"] = "خبر عاجل بلا رابط", ["ExpiresAt"] = MoroccanDate.WallClockValue(factory.Clock.GetUtcNow().UtcDateTime.AddHours(1))! });
        Assert.Equal("خبر عاجل بلا رابط", (await reader.GetPageAsync("/")).QuerySelector(".breaking span")!.Text());
        await WarmAsync(reader);

        var page = await editor.GetPageAsync("/admin/breaking");
        var removed = await editor.SubmitAsync(page.Form(), page.Button("إزالة"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        foreach (var url in PublicPages)
            Assert.Null((await reader.GetPageAsync(url)).QuerySelector(".breaking"));
        Assert.Null(await factory.WithDb(db => db.ReaderSettings.Select(s => s.BreakingText).SingleAsync()));
    }

    [Theory]
    [InlineData("", "", 60, "Text", "اكتب نص الخبر العاجل.")]
    [InlineData("خبر", "", -5, "ExpiresAt", "اختر وقتاً في المستقبل.")]
    [InlineData("خبر", "/article/999999/none", 60, "Article", "لا يوجد مقال منشور بهذا الرابط أو الرقم.")]
    [InlineData("خبر", "https://evil.example/x", 60, "Article", "لا يوجد مقال منشور بهذا الرابط أو الرقم.")]
    public async Task Bad_input_is_refused_in_arabic_keeping_what_was_typed_and_nothing_is_shown(string text, string article, int minutes, string field, string message)
    {
        using var factory = new MadarFactory();
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var response = await SetAsync(editor, new()
        {
            ["Text"] = text, ["Article"] = article,
            ["ExpiresAt"] = MoroccanDate.WallClockValue(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutes))!,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ParsePageAsync();
        Assert.Equal(message, doc.QuerySelector($"[data-valmsg-for={field}]")!.Text());
        Assert.Equal(text, doc.QuerySelector("input[name=Text]")!.GetAttribute("value") ?? "");
        Assert.Equal(article, doc.QuerySelector("input[name=Article]")!.GetAttribute("value") ?? "");
        Assert.Null((await reader.GetPageAsync("/")).QuerySelector(".breaking"));
    }
}
