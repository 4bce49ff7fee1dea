using System.Net;
using System.Xml.Linq;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Discovery;

public class SitemapTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private async Task<Article> SeedAsync()
    {
        await factory.StartAsync();
        return await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
    }

    private static async Task<XDocument> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Url(Article a) => $"{MadarFactory.BaseUrl}/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    [Fact]
    public async Task The_sitemap_lists_home_sections_and_public_articles_with_lastmod_under_the_base_url()
    {
        var seed = await SeedAsync();
        var draft = await AnArticle("مسودة خارج الخريطة").Draft().SaveAsync(factory);
        var scheduled = await AnArticle("مقال مبرمج خارج الخريطة").ScheduledAt(factory.Clock.GetUtcNow().UtcDateTime.AddDays(1)).SaveAsync(factory);

        var doc = await LoadAsync(factory.NewClient(), "/sitemap.xml");

        Assert.Equal(Sm + "urlset", doc.Root!.Name);
        var urls = doc.Root.Elements(Sm + "url").ToDictionary(u => (string)u.Element(Sm + "loc")!, u => (string?)u.Element(Sm + "lastmod"));
        Assert.NotEmpty(urls.Keys);
        Assert.All(urls.Keys, loc => Assert.StartsWith(MadarFactory.BaseUrl + "/", loc));
        Assert.Contains(MadarFactory.BaseUrl + "/", urls.Keys);
        Assert.Contains(MadarFactory.BaseUrl + "/section/" + Uri.EscapeDataString("سياسة"), urls.Keys);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", urls[Url(seed)]);
        Assert.NotNull(urls[MadarFactory.BaseUrl + "/"]);
        Assert.DoesNotContain(Url(draft), urls.Keys);
        Assert.DoesNotContain(Url(scheduled), urls.Keys);
    }

    [Fact]
    public async Task Past_the_limit_the_sitemap_becomes_an_index_of_files_that_together_list_everything()
    {
        using var small = new MadarFactory().With("Discovery:SitemapUrlsPerFile", "2");
        var client = await small.StartAsync();
        for (var i = 0; i < 3; i++)
            await AnArticle($"خبر للخريطة {i}").Published().SaveAsync(small);

        var index = await LoadAsync(client, "/sitemap.xml");

        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sm + "sitemap").Select(s => (string)s.Element(Sm + "loc")!).ToList();
        Assert.Equal(4, files.Count); // home + 1 section + the desk (its articles have no author) + 4 articles = 7 URLs, 2 a file
        var all = new List<string>();
        foreach (var file in files)
        {
            Assert.StartsWith(MadarFactory.BaseUrl + "/sitemaps/", file);
            var urlset = await LoadAsync(client, new Uri(file).PathAndQuery);
            all.AddRange(urlset.Root!.Elements(Sm + "url").Select(u => (string)u.Element(Sm + "loc")!));
        }
        Assert.Equal(7, all.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemaps/5.xml")).StatusCode);
    }

    [Fact]
    public async Task The_news_sitemap_lists_articles_of_the_last_two_days_with_the_publication()
    {
        var seed = await SeedAsync();
        var old = await AnArticle("خبر قديم").Published(TimeSpan.FromDays(3)).SaveAsync(factory);
        var draft = await AnArticle("مسودة خبر").Draft().SaveAsync(factory);

        var doc = await LoadAsync(factory.NewClient(), "/news-sitemap.xml");

        var urls = doc.Root!.Elements(Sm + "url").ToList();
        var entry = urls.Single(u => (string)u.Element(Sm + "loc")! == Url(seed));
        var news = entry.Element(News + "news")!;
        Assert.Equal("مدار21", (string)news.Element(News + "publication")!.Element(News + "name")!);
        Assert.Equal("ar", (string)news.Element(News + "publication")!.Element(News + "language")!);
        Assert.Equal(seed.Title, (string)news.Element(News + "title")!);
        Assert.NotNull(news.Element(News + "publication_date"));
        Assert.DoesNotContain(urls, u => (string)u.Element(Sm + "loc")! == Url(old));
        Assert.DoesNotContain(urls, u => (string)u.Element(Sm + "loc")! == Url(draft));
    }

    [Fact]
    public async Task Robots_allows_the_site_disallows_admin_and_search_and_names_the_sitemaps()
    {
        await SeedAsync();

        var response = await factory.NewClient().GetAsync("/robots.txt");

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /search", lines);
        Assert.Contains($"Sitemap: {MadarFactory.BaseUrl}/sitemap.xml", lines);
        Assert.Contains($"Sitemap: {MadarFactory.BaseUrl}/news-sitemap.xml", lines);
    }
}
