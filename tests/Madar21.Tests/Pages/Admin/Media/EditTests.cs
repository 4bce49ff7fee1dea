using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Media;
using Madar21.Tests.Pages.Admin.Articles;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Media;

/// <summary>/admin/media/{id}/edit: a picture's alt text, caption and credit changed after the upload, everywhere it shows.</summary>
public class EditTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private async Task<int> UploadAsync(HttpClient editor, string alt, int shade)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await UploadTests.UploadAsync(editor, [("p.jpg", TestPictures.PhonePhoto(600, 400, shade))], alt, "تصوير: قديم")).StatusCode);
        return await factory.WithDb(db => db.Media.Where(m => m.Alt == alt).Select(m => m.Id).SingleAsync());
    }

    private async Task<HttpResponseMessage> EditAsync(HttpClient editor, int id, Dictionary<string, string> values)
    {
        var page = await editor.GetPageAsync($"/admin/media/{id}/edit");
        var form = page.Form("main form").Fill(values);
        return await editor.SubmitAsync(form, form.Button("حفظ"));
    }

    [Fact]
    public async Task New_words_show_at_once_on_the_pages_that_lead_with_the_picture_or_place_it_in_their_body()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var id = await UploadAsync(editor, Unique("وصف قديم"), shade: 61);
        var lead = await CreateAsync(editor, Unique("مقال يقوده"), "نص.", ArticleStatus.Published);
        var leadForm = (await editor.GetPageAsync($"/admin/articles/{lead.Id}/edit")).Form("form.article-form")
            .Fill(new Dictionary<string, string> { ["leadMediaId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(leadForm, leadForm.Button("حفظ"))).StatusCode);
        var inBody = await CreateAsync(editor, Unique("مقال في نصه"), $"نص.\n\n![](media:{id})", ArticleStatus.Published);
        var reader = factory.NewClient();
        foreach (var url in new[] { UrlOf(lead), UrlOf(inBody), "/" })
        {
            await reader.GetAsync(url);
            Assert.NotNull((await reader.GetAsync(url)).Headers.Age); // cached
        }

        var response = await EditAsync(editor, id, new() { ["alt"] = "وصف جديد", ["caption"] = "تعليق جديد", ["credit"] = "تصوير: جديد" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var leadPage = await reader.GetAsync(UrlOf(lead));
        Assert.Null(leadPage.Headers.Age);
        var leadFigure = (await leadPage.ParsePageAsync()).QuerySelector("figure.picture-lead")!;
        Assert.Equal("وصف جديد", leadFigure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("تصوير: جديد", leadFigure.QuerySelector(".picture-credit")!.Text());
        var bodyFigure = (await reader.GetPageAsync(UrlOf(inBody))).QuerySelector(".article-body figure")!;
        Assert.Equal("وصف جديد", bodyFigure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("تعليق جديد", bodyFigure.QuerySelector("figcaption > bdi")!.Text());
        Assert.Null((await reader.GetAsync("/")).Headers.Age); // the cards carry the alt text
        Assert.Equal("وصف جديد", await factory.WithDb(db => db.Media.Where(m => m.Id == id).Select(m => m.Alt).SingleAsync()));
    }

    [Fact]
    public async Task Without_alt_text_the_form_comes_back_in_arabic_with_what_was_typed_and_nothing_changes()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var alt = Unique("وصف باق");
        var id = await UploadAsync(editor, alt, shade: 62);

        var response = await EditAsync(editor, id, new() { ["alt"] = "  ", ["caption"] = "تعليق مكتوب" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Contains("اكتب نصاً بديلاً", page.QuerySelector("[role=alert]")!.Text());
        Assert.Equal("true", page.QuerySelector("input[name=alt]")!.GetAttribute("aria-invalid"));
        Assert.Equal("تعليق مكتوب", page.QuerySelector("input[name=caption]")!.GetAttribute("value"));
        Assert.Equal((alt, (string?)null), await factory.WithDb(db => db.Media.Where(m => m.Id == id).Select(m => new ValueTuple<string, string?>(m.Alt, m.Caption)).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_picture_is_not_found()
    {
        var editor = await factory.SignedInAsEditorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/media/987654/edit")).StatusCode);
    }
}
