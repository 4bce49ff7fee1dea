using System.Net;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.SitePages;

/// <summary>Writing, editing and deleting the site's own pages in the admin, with the articles' Markdown safety rules.</summary>
public class EditTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, string url, Dictionary<string, string> values, string button = "حفظ")
    {
        var page = await editor.GetPageAsync(url);
        var form = page.Form("form.admin-form").Fill(values);
        return await editor.SubmitAsync(form, form.Button(button));
    }

    [SkippableFact]
    public async Task An_editor_writes_a_page_in_markdown_which_is_sanitised_linked_from_the_footer_and_evicted_on_edit()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        Assert.Contains("/admin/pages", (await editor.GetPageAsync("/admin/pages")).QuerySelector("main a[href='/admin/pages/edit']")!.GetAttribute("href"));

        var created = await SubmitAsync(editor, "/admin/pages/edit", new()
        {
            ["title"] = "أعلنوا معنا",
            ["slug"] = "ads",
            ["markdown"] = "## الإشهار\n\nراسلونا. <script>alert(1)</script> [رابط](javascript:alert(1)) <img src=x onerror=alert(1)>",
            ["position"] = "9",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await factory.WithDb(db => db.SitePages.AsNoTracking().SingleAsync(p => p.Slug == "ads"));
        // Raw HTML is shown as text, never as markup; a javascript: link loses its address.
        var body = Html.Parse(stored.Html);
        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.DoesNotContain("javascript:", stored.Html);
        Assert.Contains("<script>alert(1)</script>", body.Body!.TextContent);

        var page = await reader.GetPageAsync("/page/ads");
        Assert.Equal("الإشهار", page.QuerySelector("main .article-body h2")!.Text());
        Assert.Null(page.QuerySelector("main script"));
        Assert.True((await reader.GetAsync("/page/ads")).Headers.Age is not null, "served from the page cache");
        Assert.Equal("/page/ads", (await reader.GetPageAsync("/")).QuerySelectorAll("nav[aria-labelledby=footer-pages] a").Last().GetAttribute("href"));

        var edited = await SubmitAsync(editor, $"/admin/pages/edit/{stored.Id}", new() { ["markdown"] = "نص **جديد** للصفحة." });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("نص جديد للصفحة.", (await reader.GetPageAsync("/page/ads")).QuerySelector("main .article-body")!.Text().Trim());

        var deleted = await SubmitAsync(editor, $"/admin/pages/edit/{stored.Id}", new(), "حذف الصفحة");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/page/ads")).StatusCode);
        Assert.DoesNotContain("/page/ads", (await reader.GetPageAsync("/")).QuerySelector("footer")!.InnerHtml);
    }

    [SkippableFact]
    public async Task A_page_without_title_or_text_or_with_a_taken_slug_is_refused_in_arabic_keeping_what_was_typed()
    {
        await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.SitePages.CountAsync());

        var refused = await SubmitAsync(editor, "/admin/pages/edit", new() { ["title"] = "", ["slug"] = "about", ["markdown"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParsePageAsync();
        var summary = page.QuerySelector(".form-errors")!.Text();
        Assert.Contains("العنوان مطلوب.", summary);
        Assert.Contains("نص الصفحة مطلوب.", summary);

        refused = await SubmitAsync(editor, "/admin/pages/edit", new() { ["title"] = "صفحة ثانية", ["slug"] = "About", ["markdown"] = "نص." });
        page = await refused.ParsePageAsync();
        Assert.Contains("صفحة أخرى تستعمل هذا الرابط", page.QuerySelector(".form-errors")!.Text());
        Assert.Equal("صفحة ثانية", page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Equal("نص.", page.QuerySelector("textarea[name=markdown]")!.Text().Trim());
        Assert.Equal(before, await factory.WithDb(db => db.SitePages.CountAsync()));
    }
}
