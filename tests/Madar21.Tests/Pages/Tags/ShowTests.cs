using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Tags;

/// <summary>/tag/{slug}, its feed, the tags on the article page, in JSON-LD and in the sitemap.</summary>
public class ShowTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private Task<Tag> TagAsync(string name) => factory.WithDb(db => db.Tags.AsNoTracking().SingleAsync(t => t.Key == TagNames.KeyOf(name)));

    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    [Fact]
    public async Task A_tag_page_lists_its_public_articles_newest_first_and_nothing_else()
    {
        var client = await factory.StartAsync();
        var name = Unique("التحالف الدولي");
        var older = await AnArticle(Unique("اجتماع أول")).TaggedWith(name).Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var newer = await AnArticle(Unique("اجتماع ثان")).InSection("رياضة").TaggedWith(name).Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        var draft = await AnArticle(Unique("مسودة")).TaggedWith(name).Draft().SaveAsync(factory);
        var scheduled = await AnArticle(Unique("مجدول")).TaggedWith(name).ScheduledAt(factory.Clock.GetUtcNow().UtcDateTime.AddHours(1)).SaveAsync(factory);
        var untagged = await AnArticle(Unique("بلا وسم")).SaveAsync(factory);
        var tag = await TagAsync(name);

        var page = await client.GetPageAsync(TagQueries.UrlOf(tag.Slug));

        Assert.Equal(name, page.QuerySelector("h1 bdi")!.Text());
        var links = page.QuerySelectorAll(".cards .card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([PathOf(newer), PathOf(older)], links);
        Assert.DoesNotContain(PathOf(draft), links);
        Assert.DoesNotContain(PathOf(scheduled), links);
        Assert.DoesNotContain(PathOf(untagged), links);
        Assert.Contains(page.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == MadarFactory.BaseUrl + TagQueries.FeedUrlOf(tag.Slug));

        // Its time come, the scheduled one is there too, on top.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        page = await factory.NewClient().GetPageAsync(TagQueries.UrlOf(tag.Slug) + "?page=1");
        Assert.Equal(PathOf(scheduled), page.QuerySelector(".cards .card-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_tag_page_is_paged_twenty_at_a_time()
    {
        var client = await factory.StartAsync();
        var name = Unique("كوفيد-19");
        await factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 25; i++) AnArticle($"مقال الوباء {i}").TaggedWith(name).Published(TimeSpan.FromMinutes(i + 1)).AddTo(db, now);
            await db.SaveChangesAsync();
        });
        var url = TagQueries.UrlOf((await TagAsync(name)).Slug);

        var first = await client.GetPageAsync(url);
        var second = await client.GetPageAsync(url + "?page=2");

        Assert.Equal(20, first.QuerySelectorAll(".cards article").Length);
        Assert.Equal(url + "?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(5, second.QuerySelectorAll(".cards article").Length);
        Assert.Equal("مقال الوباء 24", second.QuerySelectorAll(".cards article h2").Last().Text());
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "?page=0")).StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await client.GetAsync(url + "?page=99999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tag/" + Uri.EscapeDataString("لا-وجود-له"))).StatusCode);
    }

    [Fact]
    public async Task The_tag_feed_has_the_tags_public_articles()
    {
        var client = await factory.StartAsync();
        var name = Unique("الجفاف");
        var article = await AnArticle(Unique("سدود فارغة")).TaggedWith(name).SaveAsync(factory);
        await AnArticle(Unique("مسودة الجفاف")).TaggedWith(name).Draft().SaveAsync(factory);
        var tag = await TagAsync(name);

        var response = await client.GetAsync(TagQueries.FeedUrlOf(tag.Slug));

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(name, feed.Root!.Element("channel")!.Element("title")!.Value);
        Assert.Equal([article.Title], feed.Descendants("item").Select(i => i.Element("title")!.Value));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tag/" + Uri.EscapeDataString("لا-وجود-له") + "/feed")).StatusCode);
    }

    [Fact]
    public async Task The_article_page_links_its_tags_and_names_them_in_json_ld_keywords()
    {
        var client = await factory.StartAsync();
        var (first, second) = (Unique("الأمن"), Unique("المغرب العربي"));
        var article = await AnArticle(Unique("مقال موسوم")).TaggedWith(first, second).SaveAsync(factory);
        var plain = await AnArticle(Unique("مقال بلا وسوم")).SaveAsync(factory);

        var page = await client.GetPageAsync(PathOf(article));

        var links = page.QuerySelectorAll(".article-tags a[rel=tag]").ToList();
        Assert.Equal([first, second], links.Select(a => a.Text()).Order());
        Assert.Equal(TagQueries.UrlOf((await TagAsync(first)).Slug), links.Single(a => a.Text() == first).GetAttribute("href"));
        var newsArticle = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal([first, second], newsArticle.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).Order());

        var without = await client.GetPageAsync(PathOf(plain));
        Assert.Null(without.QuerySelector(".article-tags"));
        Assert.False(without.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "NewsArticle").TryGetProperty("keywords", out _));
    }

    [Fact]
    public async Task Tag_pages_with_a_public_article_are_in_the_sitemap()
    {
        var client = await factory.StartAsync();
        var (listed, draftOnly) = (Unique("الانتخابات"), Unique("وسم المسودات"));
        await AnArticle(Unique("مقال الانتخابات")).TaggedWith(listed).SaveAsync(factory);
        await AnArticle(Unique("مسودة فقط")).TaggedWith(draftOnly).Draft().SaveAsync(factory);

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        var locs = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value).ToList();
        Assert.Contains(MadarFactory.BaseUrl + TagQueries.UrlOf((await TagAsync(listed)).Slug), locs);
        Assert.DoesNotContain(MadarFactory.BaseUrl + TagQueries.UrlOf((await TagAsync(draftOnly)).Slug), locs);
    }

    [Fact]
    public async Task A_cached_tag_page_is_evicted_when_one_of_its_articles_changes()
    {
        var client = await factory.StartAsync();
        var name = Unique("الماء");
        var article = await AnArticle(Unique("عنوان قديم")).TaggedWith(name).SaveAsync(factory);
        var url = TagQueries.UrlOf((await TagAsync(name)).Slug);
        Assert.Contains(article.Title, (await client.GetPageAsync(url)).QuerySelector(".cards")!.Text());
        await client.GetPageAsync(url); // served from the cache now

        var renamed = Unique("عنوان جديد");
        await factory.WithDb(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Title = renamed;
            await db.SaveChangesAsync();
        });

        Assert.Contains(renamed, (await client.GetPageAsync(url)).QuerySelector(".cards")!.Text());

        // Unpublished: off the tag's page at once.
        await factory.WithDb(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(renamed, (await client.GetPageAsync(url)).QuerySelector("main")!.Text());
        Assert.Null(await factory.WithDb(db => db.ArticleTags.Where(t => t.ArticleId == article.Id).Select(t => t.ListedAt).SingleAsync()));
    }
}
