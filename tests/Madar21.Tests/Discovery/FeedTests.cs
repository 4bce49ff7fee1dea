using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Discovery;

public class FeedTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static readonly string PoliticsFeed = "/section/" + Uri.EscapeDataString("سياسة") + "/feed";

    private async Task<Article> SeedAsync()
    {
        await factory.StartAsync();
        return await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
    }

    private static async Task<(SyndicationFeed Feed, string Xml)> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        return (SyndicationFeed.Load(reader), xml);
    }

    [Fact]
    public async Task The_site_feed_lists_the_seed_article_with_link_guid_date_section_summary_and_body()
    {
        var seed = await SeedAsync();
        var client = factory.NewClient();

        var (feed, xml) = await LoadAsync(client, "/feed");

        Assert.Equal("ar", feed.Language);
        var canonical = $"{MadarFactory.BaseUrl}/article/{seed.Id}/{Uri.EscapeDataString(seed.Slug)}";
        var item = Assert.Single(feed.Items, i => i.Id == canonical);
        Assert.Equal(seed.Title, item.Title.Text);
        Assert.Equal(canonical, item.Links.Single(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri);
        Assert.Equal(seed.PublishedAt!.Value, item.PublishDate.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal("سياسة", Assert.Single(item.Categories).Name);
        Assert.Equal(seed.Excerpt, item.Summary.Text);

        var content = XNamespace.Get("http://purl.org/rss/1.0/modules/content/");
        var doc = XDocument.Parse(xml);
        var encoded = doc.Descendants("item").Single(i => (string?)i.Element("guid") == canonical).Element(content + "encoded");
        Assert.Equal(seed.BodyHtml, encoded!.Value);
        Assert.Matches(@"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d (Z|GMT|[+-]\d{4})$", (string)doc.Descendants("item").First().Element("pubDate")!);
    }

    [Fact]
    public async Task The_site_feed_holds_the_newest_twenty_public_articles_and_no_draft()
    {
        await SeedAsync();
        for (var i = 0; i < 22; i++)
            await AnArticle($"خبر متتابع {i}").Published(TimeSpan.FromMinutes(30 - i)).SaveAsync(factory);
        await AnArticle("مسودة لا تنشر").Draft().SaveAsync(factory);
        await AnArticle("مقال مبرمج").ScheduledAt(factory.Clock.GetUtcNow().UtcDateTime.AddDays(1)).SaveAsync(factory);

        var (feed, _) = await LoadAsync(factory.NewClient(), "/feed");

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var newest = await factory.WithDb(db => db.Articles
            .Where(a => a.Status != ArticleStatus.Draft && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Title).Take(20).ToListAsync());
        Assert.Equal(newest, feed.Items.Select(i => i.Title.Text));
        Assert.DoesNotContain(feed.Items, i => i.Title.Text is "مسودة لا تنشر" or "مقال مبرمج");
        var dates = feed.Items.Select(i => i.PublishDate).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task A_section_feed_holds_only_that_section()
    {
        var seed = await SeedAsync();
        await AnArticle("مباراة الوداد والرجاء").InSection("رياضة").Published().SaveAsync(factory);

        var (politics, _) = await LoadAsync(factory.NewClient(), PoliticsFeed);
        var (sport, _) = await LoadAsync(factory.NewClient(), "/section/" + Uri.EscapeDataString("رياضة") + "/feed");

        Assert.Contains(politics.Items, i => i.Title.Text == seed.Title);
        Assert.NotEmpty(politics.Items);
        Assert.All(politics.Items, i => Assert.Equal("سياسة", i.Categories.Single().Name));
        Assert.Equal("مباراة الوداد والرجاء", Assert.Single(sport.Items).Title.Text);
        Assert.Equal("ar", sport.Language);
    }

    [Fact]
    public async Task An_unknown_section_feed_is_404()
    {
        await SeedAsync();
        var response = await factory.NewClient().GetAsync("/section/" + Uri.EscapeDataString("لا-يوجد") + "/feed");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/sitemap.xml")]
    [InlineData("/news-sitemap.xml")]
    public async Task A_conditional_request_with_the_etag_gets_304(string url)
    {
        await SeedAsync();
        var client = factory.NewClient();
        var first = await client.GetAsync(url);
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);
    }

    [Fact]
    public async Task A_section_feed_answers_304_to_its_etag_and_200_once_it_changed()
    {
        await SeedAsync();
        var client = factory.NewClient();
        var first = await client.GetAsync(PoliticsFeed);

        var unchanged = new HttpRequestMessage(HttpMethod.Get, PoliticsFeed);
        unchanged.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(unchanged)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await AnArticle("خبر سياسي جديد").Published().SaveAsync(factory);
        var changed = new HttpRequestMessage(HttpMethod.Get, PoliticsFeed);
        changed.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        changed.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(changed)).StatusCode);
    }

    [Fact]
    public async Task No_commenter_data_appears_in_any_feed()
    {
        var seed = await SeedAsync();
        var comment = await AComment("تعليق فيه reader.secret@example.com").By("قارئ فضولي", "reader.secret@example.com").On(seed.Id).Approved().SaveAsync(factory);

        foreach (var url in new[] { "/feed", PoliticsFeed })
        {
            var xml = await factory.NewClient().GetStringAsync(url);
            Assert.DoesNotMatch(new Regex(@"[\w.+-]+@[\w-]+\.[\w.]+"), xml);
            Assert.DoesNotContain("قارئ فضولي", xml);
            Assert.DoesNotContain(comment.EmailProtected, xml);
            Assert.DoesNotContain(comment.EmailHash, xml);
        }
    }

    [Fact]
    public async Task Every_page_links_to_the_feed_in_its_head()
    {
        var seed = await SeedAsync();
        var client = factory.NewClient();
        foreach (var url in new[] { "/", "/section/" + Uri.EscapeDataString("سياسة"), $"/article/{seed.Id}/{Uri.EscapeDataString(seed.Slug)}", "/search?q=x", "/no/such/page" })
        {
            var response = await client.GetAsync(url);
            var doc = await response.ParsePageAsync();
            var link = doc.Head!.QuerySelector("link[rel=alternate][type='application/rss+xml']");
            Assert.True(link is not null, url);
            Assert.Equal($"{MadarFactory.BaseUrl}/feed", link.GetAttribute("href"));
        }
    }
}
