using System.Text.Json;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Discovery;

public class MetadataTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private async Task<(HttpClient Client, Article Seed)> SeedAsync()
    {
        var client = await factory.StartAsync();
        var seed = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
        return (client, seed);
    }

    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static string? Meta(IHtmlDocument doc, string key) =>
        doc.Head!.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    private static List<JsonElement> JsonLd(IHtmlDocument doc) =>
        doc.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();

    [Fact]
    public async Task The_seed_article_has_title_description_canonical_and_share_tags()
    {
        var (client, seed) = await SeedAsync();

        var doc = await client.GetPageAsync(PathOf(seed));

        var canonical = MadarFactory.BaseUrl + PathOf(seed);
        Assert.Equal($"{seed.Title} – مدار21", doc.Title);
        Assert.Equal(seed.Excerpt, Meta(doc, "description"));
        Assert.Equal(canonical, doc.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta(doc, "og:type"));
        Assert.Equal("ar_AR", Meta(doc, "og:locale"));
        Assert.Equal("مدار21", Meta(doc, "og:site_name"));
        Assert.Equal(seed.Title, Meta(doc, "og:title"));
        Assert.Equal(canonical, Meta(doc, "og:url"));
        Assert.Equal(seed.Excerpt, Meta(doc, "og:description"));
        Assert.Equal("سياسة", Meta(doc, "article:section"));
        Assert.Equal(seed.PublishedAt!.Value, DateTime.Parse(Meta(doc, "article:published_time")!).ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("summary", Meta(doc, "twitter:card"));
        Assert.Equal(seed.Title, Meta(doc, "twitter:title"));
    }

    [Fact]
    public async Task The_canonical_url_comes_from_configuration_not_from_the_host_header()
    {
        var (client, seed) = await SeedAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, PathOf(seed));
        request.Headers.Host = "evil.example";

        var doc = await (await client.SendAsync(request)).ParsePageAsync();

        Assert.StartsWith(MadarFactory.BaseUrl + "/article/", doc.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain("evil.example", doc.Head.InnerHtml);
    }

    [Fact]
    public async Task The_seed_article_has_a_news_article_and_a_breadcrumb_in_json_ld()
    {
        var (client, seed) = await SeedAsync();

        var blocks = JsonLd(await client.GetPageAsync(PathOf(seed)));

        var article = blocks.Single(b => b.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal(seed.Title, article.GetProperty("headline").GetString());
        Assert.Equal("سياسة", article.GetProperty("articleSection").GetString());
        Assert.Equal("ar", article.GetProperty("inLanguage").GetString());
        Assert.Equal(seed.PublishedAt!.Value, article.GetProperty("datePublished").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.True(article.TryGetProperty("dateModified", out _));
        var publisher = article.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("مدار21", publisher.GetProperty("name").GetString());

        var crumbs = blocks.Single(b => b.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(MadarFactory.BaseUrl + "/", crumbs[0].GetProperty("item").GetString());
        Assert.Equal("سياسة", crumbs[1].GetProperty("name").GetString());
        Assert.Equal(MadarFactory.BaseUrl + PathOf(seed), crumbs[2].GetProperty("item").GetString());
    }

    [Fact]
    public async Task The_home_page_has_a_website_with_a_search_action()
    {
        var (client, _) = await SeedAsync();

        var doc = await client.GetPageAsync("/");

        Assert.Equal(MadarFactory.BaseUrl + "/", doc.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("website", Meta(doc, "og:type"));
        var site = JsonLd(doc).Single(b => b.GetProperty("@type").GetString() == "WebSite");
        var action = site.GetProperty("potentialAction");
        Assert.Equal("SearchAction", action.GetProperty("@type").GetString());
        Assert.Equal(MadarFactory.BaseUrl + "/search?q={search_term_string}", action.GetProperty("target").GetProperty("urlTemplate").GetString());
        Assert.Equal("required name=search_term_string", action.GetProperty("query-input").GetString());
    }

    [Fact]
    public async Task A_section_page_has_its_canonical_url_and_its_own_feed()
    {
        var (client, _) = await SeedAsync();
        var path = "/section/" + Uri.EscapeDataString("سياسة");

        var doc = await client.GetPageAsync(path);

        Assert.Equal(MadarFactory.BaseUrl + path, doc.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains(doc.Head.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']"), l => l.GetAttribute("href") == MadarFactory.BaseUrl + path + "/feed");
    }

    [Fact]
    public async Task A_title_cannot_break_out_of_the_json_ld_block()
    {
        var client = await factory.StartAsync();
        const string title = "عنوان \"</script><script>alert(1)</script> خبيث";
        var article = await AnArticle(title).Published().SaveAsync(factory);

        var response = await client.GetAsync(PathOf(article));
        var html = await response.Content.ReadAsStringAsync();
        var doc = Html.Parse(html);

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert(1)") && s.GetAttribute("type") != "application/ld+json");
        var headlines = JsonLd(doc).Where(b => b.GetProperty("@type").GetString() == "NewsArticle").Select(b => b.GetProperty("headline").GetString());
        Assert.Equal([title], headlines);
        Assert.Equal(title, Meta(doc, "og:title"));
    }
}
