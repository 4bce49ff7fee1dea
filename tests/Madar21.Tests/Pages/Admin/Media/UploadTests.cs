using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Media;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Media;

public class UploadTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string UploadUrl = "/admin/media/upload";

    /// <summary>Submits the real upload form, its fields filled, with the files as a browser sends them.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<(string Name, byte[] Bytes)> files, string alt, string? credit = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var page = await client.GetPageAsync(UploadUrl);
        var (_, action, fields) = page.Form("main form").Fill(new Dictionary<string, string> { ["alt"] = alt, ["credit"] = credit ?? "" }).Submission();
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Concat(extra ?? []))
            content.Add(new StringContent(value, Encoding.UTF8), key);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what the browser claims; never believed
            content.Add(file, "files", name);
        }
        return await client.PostAsync(action, content);
    }

    private string MediaFolder => Path.Combine(factory.Root, "data", "media");

    private int FilesStored() =>
        Directory.Exists(MediaFolder) ? Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Count() : 0;

    public static TheoryData<string, byte[], string> RefusedFiles()
    {
        var jpeg = TestPictures.PhonePhoto(300, 200);
        return new()
        {
            { "html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "ليس صورة" },
            { "svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>"), "ليس صورة" },
            { "script", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), "ليس صورة" },
            { "pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), "ليس صورة" },
            { "empty", [], "فارغ" },
            { "truncated", jpeg[..(jpeg.Length / 2)], "تالفة أو ناقصة" },
            // The header intact, the compressed pixels after it replaced by noise, the end marker in place.
            { "corrupt", [.. jpeg[..(jpeg.Length / 3)], .. Noise(jpeg.Length - jpeg.Length / 3 - 2), 0xFF, 0xD9], "تالفة أو ناقصة" },
            { "bomb", TestPictures.BombPng(), "كبيرة جداً" },
        };
    }

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_is_not_an_acceptable_picture_is_refused_in_Arabic_and_nothing_is_stored(string kind, byte[] bytes, string message)
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = (await factory.WithDb(db => db.Media.CountAsync()), FilesStored());

        var response = await UploadAsync(editor, [($"{kind}.jpg", bytes)], "صورة للاختبار");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        var page = await response.ParsePageAsync();
        var errors = page.QuerySelector("#files-errors")!.Text();
        Assert.Contains($"«{kind}.jpg»", errors);
        Assert.Contains(message, errors);
        Assert.Equal("صورة للاختبار", page.QuerySelector("input[name=alt]")!.GetAttribute("value"));
        Assert.Equal(before, (await factory.WithDb(db => db.Media.CountAsync()), FilesStored()));
    }

    [Fact]
    public async Task A_phone_photo_is_turned_upright_and_served_in_every_width_and_format_without_its_GPS_or_any_metadata()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var photo = TestPictures.PhonePhoto(2400, 1600); // sideways: 1600 wide once upright
        Assert.Contains("exif-ifd3-GPSLatitude", TestPictures.MetadataFields(photo)); // the upload does carry it

        var response = await UploadAsync(editor, [("IMG_0001.jpg", photo)], "ساحة جامع الفنا مساءً", "تصوير: سعيد");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var item = await factory.WithDb(db => db.Media.AsNoTracking().Include(m => m.Variants).OrderBy(m => m.Id).LastAsync());
        Assert.Equal((1600, 2400), (item.Width, item.Height));
        Assert.Equal("ساحة جامع الفنا مساءً", item.Alt);
        var responsive = item.Variants.Where(v => v.Kind == MediaVariantKind.Responsive).ToList();
        // Every width up to the picture's own (1600: never enlarged to 1920), in AVIF and in WebP.
        Assert.Equal([320, 320, 640, 640, 960, 960, 1280, 1280, 1600, 1600], responsive.Select(v => v.Width).Order());
        Assert.Equal(5, responsive.Count(v => v.Format == MediaFormat.Avif));
        var preview = Assert.Single(item.Variants, v => v.Kind == MediaVariantKind.Preview);
        Assert.Equal((1200, 630), (preview.Width, preview.Height));
        // The crops search engines ask for, 1200 px wide (the picture allows it), made once with the rest.
        Assert.Equal([(MediaVariantKind.Wide, 1200, 675), (MediaVariantKind.Standard, 1200, 900), (MediaVariantKind.Square, 1200, 1200)],
            item.Variants.Where(v => v.Kind is MediaVariantKind.Wide or MediaVariantKind.Standard or MediaVariantKind.Square)
                .OrderBy(v => v.Kind).Select(v => (v.Kind, v.Width, v.Height)));

        var anonymous = factory.NewClient();
        foreach (var variant in item.Variants)
        {
            var served = await anonymous.GetAsync("/media/" + variant.Name);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
            var bytes = await served.Content.ReadAsByteArrayAsync();
            var (width, height, loader) = TestPictures.Inspect(bytes);
            Assert.Equal((variant.Width, variant.Height), (width, height));
            if (variant.Kind == MediaVariantKind.Responsive)
                Assert.True(height > width, "upright: taller than wide");
            Assert.StartsWith(variant.Format switch { MediaFormat.Avif => "heif", MediaFormat.Webp => "webp", _ => "jpeg" }, loader);
            Assert.Empty(TestPictures.MetadataFields(bytes));
            Assert.DoesNotContain("Photographer Name", Encoding.Latin1.GetString(bytes));
            // The name is a hash of the bytes: the same name never stands for other bytes.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..20];
            Assert.Contains(hash, variant.Name);
        }
        // The original is kept, but not under the public folder.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/../originals/" + item.OriginalName)).StatusCode);
        Assert.True(File.Exists(Path.Combine(MediaFolder, "originals", item.OriginalName)));
    }

    [Fact]
    public async Task Without_alt_text_the_form_comes_back_with_the_accepted_file_kept_and_a_second_send_stores_it()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Media.CountAsync());

        var first = await UploadAsync(editor, [("a.jpg", TestPictures.PhonePhoto(400, 300))], alt: "", credit: "المصدر: أرشيف");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.ParsePageAsync();
        Assert.Contains("نصاً بديلاً", page.QuerySelector("[role=alert]")!.Text());
        Assert.Equal("المصدر: أرشيف", page.QuerySelector("input[name=credit]")!.GetAttribute("value"));
        var held = Assert.Single(page.QuerySelectorAll("input[name='Items[0].token']"));
        Assert.Equal(before, await factory.WithDb(db => db.Media.CountAsync()));

        // The same form again, alt filled, no file chosen this time.
        var (_, action, fields) = page.Form("main form").Fill(new Dictionary<string, string> { ["alt"] = "بحر أكادير" }).Submission();
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields) content.Add(new StringContent(value, Encoding.UTF8), key);
        var second = await editor.PostAsync(action, content);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = await factory.WithDb(db => db.Media.AsNoTracking().OrderBy(m => m.Id).LastAsync());
        Assert.Equal(("بحر أكادير", "المصدر: أرشيف"), (stored.Alt, stored.Credit));
        Assert.False(File.Exists(Path.Combine(MediaFolder, "incoming", held.GetAttribute("value")!)));
    }

    private static async Task<HttpResponseMessage> SendAgainAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, Dictionary<string, string> values)
    {
        var (_, action, fields) = page.Form("main form").Fill(values).Submission();
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields) content.Add(new StringContent(value, Encoding.UTF8), key);
        return await client.PostAsync(action, content);
    }

    [Fact]
    public async Task Several_files_without_a_common_alt_come_back_each_with_its_fields_and_preview_and_are_stored_with_their_own_words()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Media.CountAsync());

        var first = await UploadAsync(editor, [("port.jpg", TestPictures.PhonePhoto(400, 300, shade: 21)), ("souk.jpg", TestPictures.PhonePhoto(300, 400, shade: 22))],
            alt: "", credit: "تصوير: ليلى");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.ParsePageAsync();
        var held = page.QuerySelectorAll("fieldset.held-picture").ToList();
        Assert.Equal(["port.jpg", "souk.jpg"], held.Select(f => f.QuerySelector("legend")!.Text()));
        foreach (var preview in held.Select(f => f.QuerySelector("img")!.GetAttribute("src")!))
        {
            var response = await editor.GetAsync(preview);
            Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
            Assert.Empty(TestPictures.MetadataFields(await response.Content.ReadAsByteArrayAsync()));
        }
        Assert.Equal(before, await factory.WithDb(db => db.Media.CountAsync()));

        // One picture described, the other not yet: nothing is stored, the message names the file.
        var half = await SendAgainAsync(editor, page, new() { ["Items[0].alt"] = "ميناء الدار البيضاء" });
        Assert.Equal(HttpStatusCode.OK, half.StatusCode);
        var halfPage = await half.ParsePageAsync();
        Assert.Contains("«souk.jpg»: اكتب نصاً بديلاً", halfPage.QuerySelector("[data-valmsg-for='Items[1].Alt']")!.Text());
        Assert.Equal("ميناء الدار البيضاء", halfPage.QuerySelector("input[name='Items[0].alt']")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDb(db => db.Media.CountAsync()));

        var done = await SendAgainAsync(editor, halfPage, new() { ["Items[1].alt"] = "سوق الحبوس", ["Items[1].caption"] = "صباح الجمعة", ["Items[1].credit"] = "المصدر: أرشيف" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await factory.WithDb(db => db.Media.AsNoTracking().OrderByDescending(m => m.Id).Take(2).OrderBy(m => m.Id)
            .Select(m => new { m.Alt, m.Caption, m.Credit }).ToListAsync());
        Assert.Equal(("ميناء الدار البيضاء", null, "تصوير: ليلى"), (stored[0].Alt, stored[0].Caption, stored[0].Credit)); // the batch's credit
        Assert.Equal(("سوق الحبوس", "صباح الجمعة", "المصدر: أرشيف"), (stored[1].Alt, stored[1].Caption, stored[1].Credit)); // its own wins
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(MediaFolder, "incoming")));
    }

    [Fact]
    public async Task Readers_cannot_upload()
    {
        var response = await factory.NewClient().GetAsync(UploadUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString);
    }
}
