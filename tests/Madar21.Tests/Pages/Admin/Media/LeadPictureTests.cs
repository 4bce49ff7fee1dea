using System.Net;
using System.Text.Json;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Media;
using Madar21.Tests.Pages.Admin.Articles;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Media;

/// <summary>An article's lead picture, from the form to the reader's page, the link previews, the cache and deletion.</summary>
public class LeadPictureTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private async Task<int> UploadAsync(HttpClient editor, string alt, string credit, int shade = 90)
    {
        // Stored sideways with EXIF orientation 6: 1200 wide and 1600 tall once upright.
        var response = await UploadTests.UploadAsync(editor, [("photo.jpg", TestPictures.PhonePhoto(1600, 1200, shade))], alt, credit);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDb(db => db.Media.Where(m => m.Alt == alt).Select(m => m.Id).SingleAsync());
    }

    private async Task<Article> PublishWithLeadAsync(HttpClient editor, int mediaId, string? leadCaption = null)
    {
        var title = Unique("مقال بصورة رئيسية");
        var response = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص المقال.", ["status"] = "Published",
            ["leadMediaId"] = mediaId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["leadCaption"] = leadCaption ?? "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
    }


    [Fact]
    public async Task The_lead_picture_is_a_responsive_figure_first_fetched_with_its_caption_credit_and_link_preview()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var mediaId = await UploadAsync(editor, Unique("وزير يلقي كلمة"), "تصوير: ليلى");
        var article = await PublishWithLeadAsync(editor, mediaId, "الوزير في البرلمان أمس");

        var page = await factory.NewClient().GetPageAsync(UrlOf(article));

        var figure = page.QuerySelector("article figure.picture-lead")!;
        var sources = figure.QuerySelectorAll("picture source").ToList();
        Assert.Equal(["image/avif", "image/webp"], sources.Select(s => s.GetAttribute("type")));
        Assert.All(sources, s => Assert.Matches(@"^/media/\S+-320\.\w+ 320w, .* 1200w$", s.GetAttribute("srcset")));
        Assert.All(sources, s => Assert.Contains("100vw", s.GetAttribute("sizes")));
        var img = figure.QuerySelector("img")!;
        Assert.Equal(("1200", "1600"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.StartsWith("وزير يلقي كلمة", img.GetAttribute("alt"));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.False(img.HasAttribute("loading"));
        var caption = figure.QuerySelector("figcaption")!;
        Assert.Equal("الوزير في البرلمان أمس", caption.QuerySelector("bdi")!.Text());
        Assert.Equal("تصوير: ليلى", caption.QuerySelector(".picture-credit bdi")!.Text());
        // Every picture file named is served.
        foreach (var url in sources.SelectMany(s => s.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')[0])).Append(img.GetAttribute("src")!))
            Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(url)).StatusCode);

        var head = page.Head!;
        string Meta(string key) => head.QuerySelector($"meta[property='{key}'], meta[name='{key}']")!.GetAttribute("content")!;
        Assert.Matches(@"^http://localhost/media/\S+-og\.jpeg$", Meta("og:image"));
        Assert.Equal(("1200", "630"), (Meta("og:image:width"), Meta("og:image:height")));
        Assert.StartsWith("وزير يلقي كلمة", Meta("og:image:alt"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(new Uri(Meta("og:image")).AbsolutePath)).StatusCode);
        var newsArticle = head.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "NewsArticle");
        // Google's three proportions, each at least 1200 px wide, each served.
        var images = newsArticle.GetProperty("image").EnumerateArray().ToList();
        Assert.Equal([(1200, 675), (1200, 900), (1200, 1200)], images.Select(i => (i.GetProperty("width").GetInt32(), i.GetProperty("height").GetInt32())));
        foreach (var image in images)
        {
            var url = new Uri(image.GetProperty("url").GetString()!);
            Assert.Equal("http://localhost", url.GetLeftPart(UriPartial.Authority));
            Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(url.AbsolutePath)).StatusCode);
        }
    }

    [Fact]
    public async Task The_sitemap_names_the_lead_picture_of_an_article_and_none_for_articles_without()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await PublishWithLeadAsync(editor, await UploadAsync(editor, Unique("صورة الخريطة"), "ز", shade: 85));

        var sitemap = System.Xml.Linq.XDocument.Parse(await factory.NewClient().GetStringAsync("/sitemap.xml"));

        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9", image = "http://www.google.com/schemas/sitemap-image/1.1";
        var url = sitemap.Descendants(ns + "url").Single(u => u.Element(ns + "loc")!.Value.EndsWith(UrlOf(article), StringComparison.Ordinal));
        var loc = new Uri(url.Element(image + "image")!.Element(image + "loc")!.Value);
        Assert.Matches(@"^/media/\S+-1200\.webp$", loc.AbsolutePath); // the largest WebP of a 1200 px wide picture
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(loc.AbsolutePath)).StatusCode);
        Assert.Contains(sitemap.Descendants(ns + "url"), u => u.Element(image + "image") is null);
    }

    [Fact]
    public async Task An_article_without_a_picture_has_no_frame_and_a_plain_summary_card()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مقال بلا صورة"), "نص.", ArticleStatus.Published);

        var page = await factory.NewClient().GetPageAsync(UrlOf(article));

        // No frame of its own (the related cards below may have pictures of theirs).
        var main = page.QuerySelector("main")!;
        Assert.DoesNotContain(main.QuerySelectorAll("figure, picture, img"), e => e.Closest("section.related") is null);
        Assert.Null(page.Head!.QuerySelector("meta[property='og:image']"));
        Assert.Equal("summary", page.Head!.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.DoesNotContain("\"image\"", page.Head!.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent).First());
    }

    [Fact]
    public async Task Changing_the_lead_picture_evicts_the_cached_article_page()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var first = await UploadAsync(editor, Unique("الصورة الأولى"), "أ");
        var second = await UploadAsync(editor, Unique("الصورة الثانية"), "ب");
        var article = await PublishWithLeadAsync(editor, first);
        var reader = factory.NewClient();
        await reader.GetAsync(UrlOf(article));
        var cached = await reader.GetAsync(UrlOf(article));
        Assert.NotNull(cached.Headers.Age); // served from the cache

        var edit = await editor.GetPageAsync($"/admin/articles/{article.Id}/edit");
        Assert.True(edit.QuerySelector($"input[name=leadMediaId][value='{first}']")!.HasAttribute("checked"));
        var form = edit.Form("form.article-form").Fill(new Dictionary<string, string> { ["leadMediaId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, form.Button("حفظ"))).StatusCode);

        var after = await reader.GetAsync(UrlOf(article));
        Assert.Null(after.Headers.Age);
        Assert.StartsWith("الصورة الثانية", (await after.ParsePageAsync()).QuerySelector("figure img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task A_picture_in_use_is_deleted_only_once_confirmed_and_its_articles_stay_published_without_it()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var mediaId = await UploadAsync(editor, Unique("صورة ستحذف"), "ج", shade: 17); // files of its own
        var article = await PublishWithLeadAsync(editor, mediaId);
        var files = await factory.WithDb(db => db.MediaVariants.Where(v => v.MediaItemId == mediaId).Select(v => v.Name).ToListAsync());
        var reader = factory.NewClient();
        Assert.NotNull((await reader.GetPageAsync(UrlOf(article))).QuerySelector("figure"));

        var confirm = await editor.GetPageAsync($"/admin/media/{mediaId}/delete");
        Assert.Contains(article.Title, confirm.QuerySelector("main")!.Text());
        var unconfirmed = await editor.SubmitAsync(confirm.Form("main form"), confirm.Button("احذف"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("أكّد", (await unconfirmed.ParsePageAsync()).QuerySelector("[role=alert]")!.Text());
        Assert.True(await factory.WithDb(db => db.Media.AnyAsync(m => m.Id == mediaId)));

        var form = confirm.Form("main form").Fill(new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, form.Button("احذف"))).StatusCode);

        Assert.False(await factory.WithDb(db => db.Media.AnyAsync(m => m.Id == mediaId)));
        Assert.Null(await factory.WithDb(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.LeadMediaId).SingleAsync()));
        var page = await reader.GetAsync(UrlOf(article));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await page.ParsePageAsync()).QuerySelector("figure.picture-lead"));
        foreach (var name in files)
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/media/" + name)).StatusCode);
        // The article can still be edited and saved.
        var edit = await editor.GetPageAsync($"/admin/articles/{article.Id}/edit");
        Assert.True(edit.QuerySelector("input[name=leadMediaId][value='']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_home_page_leads_with_the_top_story_picture_and_shows_lazy_thumbnails_on_cards()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var older = await PublishWithLeadAsync(editor, await UploadAsync(editor, Unique("صورة البطاقة"), "د", shade: 40));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var top = await PublishWithLeadAsync(editor, await UploadAsync(editor, Unique("صورة الخبر الأول"), "هـ", shade: 60));

        var home = await factory.NewClient().GetPageAsync("/");

        var lead = home.QuerySelector("section.lead figure img")!;
        Assert.StartsWith("صورة الخبر الأول", lead.GetAttribute("alt"));
        Assert.Equal("high", lead.GetAttribute("fetchpriority"));
        var card = home.QuerySelectorAll("article.card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == UrlOf(older));
        var thumbnail = card.QuerySelector("figure img")!;
        Assert.Equal(("lazy", "async"), (thumbnail.GetAttribute("loading"), thumbnail.GetAttribute("decoding")));
        Assert.Null(card.QuerySelector("figcaption"));
        // Cards of articles without a picture (the seeds) have no frame at all.
        Assert.Contains(home.QuerySelectorAll("article.card"), c => c.QuerySelector("figure, img") is null);
        Assert.NotEqual(top.Id, older.Id);
    }

    [Fact]
    public async Task The_feed_item_of_an_article_with_a_lead_picture_encloses_its_preview_crop()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await PublishWithLeadAsync(editor, await UploadAsync(editor, Unique("صورة الخلاصة"), "و", shade: 75));

        var feed = System.Xml.Linq.XDocument.Parse(await factory.NewClient().GetStringAsync("/feed"));

        var item = feed.Descendants("item").Single(i => i.Element("link")!.Value.EndsWith(UrlOf(article), StringComparison.Ordinal));
        var enclosure = item.Element("enclosure")!;
        Assert.Equal("image/jpeg", enclosure.Attribute("type")!.Value);
        var url = new Uri(enclosure.Attribute("url")!.Value);
        Assert.Equal("http://localhost", url.GetLeftPart(UriPartial.Authority));
        var bytes = await factory.NewClient().GetByteArrayAsync(url.AbsolutePath);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
        // Articles without a picture enclose nothing.
        Assert.Contains(feed.Descendants("item"), i => i.Element("enclosure") is null);
    }
}
