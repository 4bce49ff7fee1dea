using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Media;
using Madar21.Tests.Pages.Admin.Articles;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Media;

/// <summary>The site's own image server, the one origin besides the site that article images may come from.</summary>
public sealed class ImageServerFactory : MadarFactory
{
    public const string Origin = "https://images.madar21.test";

    public ImageServerFactory() => With("Security:ImageSources:0", Origin);
}

/// <summary>Pictures placed in an article's body: <c>![alt](media:42)</c> from the library, and the images refused.</summary>
public class BodyPictureTests(ImageServerFactory madar) : AdminArticleTests(madar), IClassFixture<ImageServerFactory>
{
    private async Task<int> UploadAsync(HttpClient editor, string alt, string? credit = null, int shade = 33)
    {
        var response = await UploadTests.UploadAsync(editor, [("photo.jpg", TestPictures.PhonePhoto(1200, 800, shade))], alt, credit);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDb(db => db.Media.Where(m => m.Alt == alt).Select(m => m.Id).SingleAsync());
    }

    private async Task<HttpResponseMessage> SubmitBodyAsync(HttpClient editor, string title, string body) =>
        await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = body, ["status"] = "Published",
        });

    [Fact]
    public async Task A_library_picture_in_the_body_is_the_lead_pictures_markup_with_the_markdowns_alt_and_caption()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var mediaId = await UploadAsync(editor, Unique("ساحة جامع الفنا"), "تصوير: سعاد");
        var title = Unique("مقال بصورة في النص");
        var article = await CreateAsync(editor, title,
            $"مقدمة المقال.\n\n![الساحة ليلاً](media:{mediaId} \"الساحة بعد المغرب\")\n\nوسط النص ![](media:{mediaId}) ثم خاتمة.", ArticleStatus.Published);

        var page = await factory.NewClient().GetPageAsync(UrlOf(article));

        var body = page.QuerySelector(".article-body")!;
        var figure = body.QuerySelector(":scope > figure.picture")!; // a block of its own, not inside a <p>
        Assert.Equal(["image/avif", "image/webp"], figure.QuerySelectorAll("picture source").Select(s => s.GetAttribute("type")));
        Assert.All(figure.QuerySelectorAll("picture source"), s =>
        {
            Assert.Matches(@"^/media/\S+-320\.\w+ 320w, .* 800w$", s.GetAttribute("srcset"));
            Assert.Equal("(min-width: 64rem) 42rem, 100vw", s.GetAttribute("sizes"));
        });
        var img = figure.QuerySelector("img")!;
        Assert.Equal("الساحة ليلاً", img.GetAttribute("alt"));
        Assert.Equal(("800", "1200"), (img.GetAttribute("width"), img.GetAttribute("height"))); // upright from its EXIF orientation
        Assert.Equal(("lazy", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
        Assert.Null(img.GetAttribute("fetchpriority"));
        Assert.Equal("الساحة بعد المغرب", figure.QuerySelector("figcaption > bdi")!.Text());
        Assert.Equal("تصوير: سعاد", figure.QuerySelector("figcaption .picture-credit bdi")!.Text());
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(img.GetAttribute("src"))).StatusCode);
        // Inside a line of text: the picture alone, with the library's alt text when the Markdown gives none.
        var inline = body.QuerySelectorAll("p > picture").Single().QuerySelector("img")!;
        Assert.StartsWith("ساحة جامع الفنا", inline.GetAttribute("alt"));
        Assert.Equal([mediaId], await factory.WithDb(db => db.BodyPictures.Where(b => b.ArticleId == article.Id).Select(b => b.MediaItemId).ToListAsync()));
        // The library says where it is used.
        var library = await editor.GetPageAsync("/admin/media");
        Assert.Contains(library.QuerySelectorAll($"#media-{mediaId} .media-uses a"), a => a.Text() == title);
    }

    [Fact]
    public async Task An_unknown_picture_number_is_refused_with_an_arabic_message_and_the_form_keeps_what_was_typed()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("مقال بصورة غير موجودة");
        const string body = "نص.\n\n![صورة](media:987654)";

        var response = await SubmitBodyAsync(editor, title, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Contains("لا توجد في مكتبة الصور صورة رقمها 987654.", page.QuerySelector("[data-valmsg-for=Body]")!.Text());
        Assert.Equal(body, page.QuerySelector("textarea[name=body]")!.TextContent.ReplaceLineEndings("\n").TrimStart('\n'));
        Assert.Equal(title, page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Theory]
    [InlineData("![شعار](https://tracker.example.com/pixel.gif)", "https://tracker.example.com/pixel.gif")]
    [InlineData("![شعار](http://images.madar21.test/x.jpg)", "http://images.madar21.test/x.jpg")] // the origin is https
    [InlineData("![صورة][r]\n\n[r]: https://cdn.example.net/a.png", "https://cdn.example.net/a.png")]
    [InlineData("![صورة](/images/local.png)", "/images/local.png")]
    [InlineData("![صورة](media:abc)", "media:abc")]
    public async Task An_image_from_anywhere_but_the_library_or_a_listed_origin_is_refused_and_nothing_is_stored(string markdown, string named)
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("مقال بصورة خارجية");

        var response = await SubmitBodyAsync(editor, title, "نص قبل الصورة.\n\n" + markdown);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await response.ParsePageAsync()).QuerySelector("[data-valmsg-for=Body]")!.Text();
        Assert.Contains($"«{named}» ليست منها", error);
        Assert.Contains("مكتبة الصور", error);
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task An_image_from_the_origin_listed_in_the_image_sources_is_published_as_written()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مقال بصورة من خادمنا"), $"نص.\n\n![خريطة]({ImageServerFactory.Origin}/maps/1.png)", ArticleStatus.Published);

        var page = await factory.NewClient().GetPageAsync(UrlOf(article));

        Assert.Equal($"{ImageServerFactory.Origin}/maps/1.png", page.QuerySelector(".article-body img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task The_preview_shows_the_library_picture_and_refuses_an_unknown_one_as_saving_would()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var mediaId = await UploadAsync(editor, Unique("صورة المعاينة"), shade: 44);

        var shown = await SubmitArticleAsync(editor, "/admin/articles/new", new() { ["title"] = "معاينة", ["body"] = $"![](media:{mediaId})" }, "معاينة");
        var refused = await SubmitArticleAsync(editor, "/admin/articles/new", new() { ["title"] = "معاينة", ["body"] = "![](media:987655)" }, "معاينة");

        Assert.NotNull((await shown.ParsePageAsync()).QuerySelector(".admin-preview .article-body figure.picture picture img"));
        Assert.Contains("987655", (await refused.ParsePageAsync()).QuerySelector("[data-valmsg-for=Body]")!.Text());
    }

    [Fact]
    public async Task Deleting_a_picture_shown_in_a_body_writes_the_body_again_without_it_and_evicts_the_page()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var mediaId = await UploadAsync(editor, Unique("صورة في نص ستحذف"), shade: 55);
        var article = await CreateAsync(editor, Unique("مقال تحذف صورته"), $"قبل.\n\n![](media:{mediaId})\n\nبعد.", ArticleStatus.Published);
        var reader = factory.NewClient();
        await reader.GetAsync(UrlOf(article));
        Assert.NotNull((await reader.GetAsync(UrlOf(article))).Headers.Age); // cached

        var confirm = await editor.GetPageAsync($"/admin/media/{mediaId}/delete");
        Assert.Contains("في النص", confirm.QuerySelector("main ul")!.Text());
        var form = confirm.Form("main form").Fill(new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, form.Button("احذف"))).StatusCode);

        var after = await reader.GetAsync(UrlOf(article));
        Assert.Null(after.Headers.Age);
        var body = (await after.ParsePageAsync()).QuerySelector(".article-body")!;
        Assert.Null(body.QuerySelector("figure, picture, img"));
        Assert.Equal(["قبل.", "بعد."], body.QuerySelectorAll("p").Select(p => p.Text()));
        Assert.False(await factory.WithDb(db => db.BodyPictures.AnyAsync(b => b.MediaItemId == mediaId)));
        // Saving the article again asks for the reference to go.
        var edit = await editor.GetPageAsync($"/admin/articles/{article.Id}/edit");
        var save = edit.Form("form.article-form");
        var response = await editor.SubmitAsync(save, save.Button("حفظ"));
        Assert.Contains(mediaId.ToString(CultureInfo.InvariantCulture), (await response.ParsePageAsync()).QuerySelector("[data-valmsg-for=Body]")!.Text());
    }
}
