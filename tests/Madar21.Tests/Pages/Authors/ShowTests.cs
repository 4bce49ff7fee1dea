using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Authors;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Authors;

/// <summary>Bylines on article pages and cards, /author/{slug} and its feed, the desk's credit, and no email address anywhere public.</summary>
public class ShowTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string Desk = "هيئة التحرير";

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..4]}";

    private static string PathOf(Web.Models.Article a) => CommentTestKit.PathOf(a);

    private static IEnumerable<JsonElement> JsonLd(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement);

    [Fact]
    public async Task An_article_of_two_authors_shows_their_byline_linked_to_their_pages_on_its_page_and_its_card()
    {
        var client = await factory.StartAsync();
        var first = await factory.AuthorAsync(Unique("سعاد العلوي"));
        var second = await factory.AuthorAsync(Unique("يوسف بنعلي"));
        var article = await AnArticle(Unique("مقال بقلمين")).InSection("اقتصاد").By(first.ProfileId, second.ProfileId).SaveAsync(factory);

        var page = await client.GetPageAsync(PathOf(article));
        var byline = page.QuerySelector(".article-header .byline")!;
        Assert.Equal($"بقلم {first.Name} و{second.Name}", byline.Text());
        Assert.Equal([first.PagePath, second.PagePath], byline.QuerySelectorAll("a[rel=author]").Select(a => a.GetAttribute("href")!));
        Assert.Equal($"{first.Name} و{second.Name}", page.QuerySelector("meta[name=author]")!.GetAttribute("content"));
        var news = JsonLd(page).Single(j => j.GetProperty("@type").GetString() == "NewsArticle");
        var authors = news.GetProperty("author").EnumerateArray().ToList();
        Assert.Equal(["Person", "Person"], authors.Select(a => a.GetProperty("@type").GetString()));
        Assert.Equal(first.Name, authors[0].GetProperty("name").GetString());
        Assert.Equal(MadarFactory.BaseUrl + first.PagePath, authors[0].GetProperty("url").GetString());

        var section = await client.GetPageAsync("/section/" + Uri.EscapeDataString("اقتصاد"));
        var card = section.QuerySelectorAll(".card").Single(c => c.QuerySelector($"a[href='{PathOf(article)}']") is not null);
        Assert.Equal($"بقلم {first.Name} و{second.Name}", card.QuerySelector(".card-byline")!.Text());
    }

    [Fact]
    public void Three_names_are_joined_with_a_comma_then_the_conjunction()
    {
        var credits = new[] { new Credit("أ", "/author/a", false), new Credit("ب", "/author/b", false), new Credit("ج", "/author/c", false) };
        Assert.Equal("أ، ب وج", Byline.Names(credits));
        Assert.Equal("أ", Byline.Names(credits[..1]));
    }

    [Fact]
    public async Task A_seed_article_is_credited_to_the_desk_which_has_its_own_page_and_feed()
    {
        var client = await factory.StartAsync();
        var seed = await factory.SeedArticleAsync();

        var page = await client.GetPageAsync(PathOf(seed));
        var byline = page.QuerySelector(".article-header .byline")!;
        Assert.Equal($"بقلم {Desk}", byline.Text());
        Assert.Equal("/author/desk", byline.QuerySelector("a")!.GetAttribute("href"));
        var author = JsonLd(page).Single(j => j.GetProperty("@type").GetString() == "NewsArticle").GetProperty("author").EnumerateArray().Single();
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal(Desk, author.GetProperty("name").GetString());
        Assert.Equal(MadarFactory.BaseUrl + "/author/desk", author.GetProperty("url").GetString());

        var desk = await client.GetPageAsync("/author/desk");
        Assert.Equal(Desk, desk.QuerySelector("h1")!.Text());
        Assert.Contains(desk.QuerySelectorAll(".card-title a"), a => a.GetAttribute("href") == PathOf(seed));
        var feed = await FeedAsync(client, "/author/desk/feed");
        Assert.Contains(feed.Descendants("link"), l => l.Value == MadarFactory.BaseUrl + PathOf(seed));
    }

    [Fact]
    public async Task The_author_page_lists_only_their_published_articles_newest_first_twenty_a_page()
    {
        var client = await factory.StartAsync();
        var author = await factory.AuthorAsync(Unique("مراسلة الرباط"));
        var other = await factory.AuthorAsync(Unique("مراسل فاس"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var titles = Enumerable.Range(0, 23).Select(i => Unique($"خبر رقم {i}")).ToList();
        await factory.WithDb(async db =>
        {
            for (var i = 0; i < titles.Count; i++)
                AnArticle(titles[i]).By(author.ProfileId).Published(TimeSpan.FromHours(i)).AddTo(db, now);
            AnArticle(Unique("مسودتها")).By(author.ProfileId).Draft().AddTo(db, now);
            AnArticle(Unique("مقالها المجدول")).By(author.ProfileId).ScheduledAt(now.AddDays(1)).AddTo(db, now);
            AnArticle(Unique("مقال غيرها")).By(other.ProfileId).AddTo(db, now);
            AnArticle(Unique("مقال مشترك")).By(other.ProfileId, author.ProfileId).Published(TimeSpan.FromMinutes(30)).AddTo(db, now);
            await db.SaveChangesAsync();
        });

        var first = await client.GetPageAsync(author.PagePath);
        Assert.Equal(author.Name, first.QuerySelector("h1")!.Text());
        var listed = first.QuerySelectorAll(".card-title a").Select(a => a.Text()).ToList();
        Assert.Equal(20, listed.Count);
        Assert.Equal(titles[0], listed[0]);
        Assert.StartsWith("مقال مشترك", listed[1]); // 30 minutes old: between the first and the second
        Assert.Equal(titles[1..19], listed[2..]);
        Assert.Equal(author.PagePath + "?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var second = await client.GetPageAsync(author.PagePath + "?page=2");
        Assert.Equal(titles[19..], second.QuerySelectorAll(".card-title a").Select(a => a.Text()));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(author.PagePath + "?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/author/" + Uri.EscapeDataString("لا-أحد-بهذا-الاسم"))).StatusCode);
    }

    [Fact]
    public async Task The_author_feed_lists_their_public_articles_with_their_names_as_creator()
    {
        var client = await factory.StartAsync();
        var author = await factory.AuthorAsync(Unique("كاتبة الخلاصة"));
        var mine = await AnArticle(Unique("خبر في الخلاصة")).By(author.ProfileId).SaveAsync(factory);
        var draft = await AnArticle(Unique("مسودة خارج الخلاصة")).By(author.ProfileId).Draft().SaveAsync(factory);

        var response = await client.GetAsync(author.PagePath + "/feed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/rss+xml", response.Content.Headers.ContentType!.ToString());
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = feed.Descendants("item").ToList();
        Assert.Equal([mine.Title], items.Select(i => i.Element("title")!.Value));
        Assert.Equal(author.Name, items[0].Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/"))!.Value);
        Assert.Null(items[0].Element("author")); // RSS's <author> is an email address
        Assert.DoesNotContain(draft.Title, feed.ToString());
        var page = await client.GetPageAsync(author.PagePath);
        Assert.Equal(MadarFactory.BaseUrl + author.PagePath + "/feed", page.QuerySelector($"link[rel=alternate][title*='{author.Name}']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/author/nobody-at-all/feed")).StatusCode);
    }

    [Fact]
    public async Task No_staff_email_address_is_in_any_public_page_feed_or_sitemap()
    {
        var client = await factory.StartAsync();
        var author = await factory.AuthorAsync(Unique("محررة"), "نبذة قصيرة عن المحررة.");
        var article = await AnArticle(Unique("مقال المحررة")).By(author.ProfileId).SaveAsync(factory);
        var localPart = author.Email[..author.Email.IndexOf('@')];

        foreach (var url in new[] { PathOf(article), author.PagePath, author.PagePath + "/feed", "/", "/feed", "/sitemap.xml", "/author/desk" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(localPart, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@madar21.test", body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(factory.Logs.Lines, m => m.Contains(localPart, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_sitemap_lists_the_pages_of_the_authors_with_a_public_article_and_the_desk()
    {
        var client = await factory.StartAsync();
        var published = await factory.AuthorAsync(Unique("كاتب منشور"));
        var unpublished = await factory.AuthorAsync(Unique("كاتب بلا مقال"));
        await AnArticle(Unique("مقال الكاتب المنشور")).By(published.ProfileId).SaveAsync(factory);
        await AnArticle(Unique("مسودة الكاتب الآخر")).By(unpublished.ProfileId).Draft().SaveAsync(factory);

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value).ToList();
        Assert.Contains(MadarFactory.BaseUrl + published.PagePath, locations);
        Assert.Contains(MadarFactory.BaseUrl + "/author/desk", locations);
        Assert.DoesNotContain(MadarFactory.BaseUrl + unpublished.PagePath, locations);
    }

    [Fact]
    public async Task A_cached_author_page_changes_when_the_author_publishes_or_renames()
    {
        var reader = await factory.StartAsync();
        var author = await factory.AuthorAsync(Unique("كاتب مخزن"));
        var first = await AnArticle(Unique("أول مقال")).By(author.ProfileId).SaveAsync(factory);
        Assert.Single((await reader.GetPageAsync(author.PagePath)).QuerySelectorAll(".card"));
        var unsigned = await AnArticle(Unique("مقال بلا توقيع")).SaveAsync(factory);
        Assert.Contains(PathOf(unsigned), (await reader.GetPageAsync("/author/desk")).QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")));
        await reader.GetPageAsync(PathOf(first)); // cached too, with the byline

        // A new article of theirs, then the byline of an existing one: both evict the page.
        await AnArticle(Unique("ثاني مقال")).By(author.ProfileId).SaveAsync(factory);
        Assert.Equal(2, (await reader.GetPageAsync(author.PagePath)).QuerySelectorAll(".card").Length);
        await factory.WithDb(async db =>
        {
            var article = await db.Articles.Include(a => a.Authors).SingleAsync(a => a.Id == unsigned.Id);
            ArticleAuthors.Set(db, article, [author.ProfileId]);
            await db.SaveChangesAsync();
        });
        Assert.Equal(3, (await reader.GetPageAsync(author.PagePath)).QuerySelectorAll(".card").Length);
        Assert.DoesNotContain(PathOf(unsigned), (await reader.GetPageAsync("/author/desk")).QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")));

        // Their name, changed on their profile form: the author page and their article's page show the new one.
        var staff = factory.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await staff.LogInAsync(author.Email, Staff.Password)).StatusCode);
        var form = (await staff.GetPageAsync("/admin/account/profile")).Form("main form")
            .Fill(new Dictionary<string, string> { ["displayName"] = author.Name + " الجديد" });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(form)).StatusCode);
        Assert.Equal(author.Name + " الجديد", (await reader.GetPageAsync(author.PagePath)).QuerySelector("h1")!.Text());
        Assert.Equal($"بقلم {author.Name} الجديد", (await reader.GetPageAsync(PathOf(first))).QuerySelector(".article-header .byline")!.Text());
    }

    private static async Task<XDocument> FeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
