using System.Text.Json;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Site;

/// <summary>What the browser needs to present the site: the theme colour of each scheme, the icons and the web app manifest.</summary>
public class AppearanceTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Every_page_names_a_theme_colour_for_each_scheme_the_icons_and_the_manifest()
    {
        var client = await factory.StartAsync();
        var head = (await client.GetPageAsync("/")).Head!;

        var themes = head.QuerySelectorAll("meta[name=theme-color]").ToDictionary(m => m.GetAttribute("media")!, m => m.GetAttribute("content"));
        Assert.Equal("#a3161a", themes["(prefers-color-scheme: light)"]);
        Assert.Equal("#0a0a0a", themes["(prefers-color-scheme: dark)"]);
        var links = head.QuerySelectorAll("link[rel]").Select(l => (l.GetAttribute("rel"), l.GetAttribute("href"))).ToList();
        Assert.Contains(("icon", "/favicon.ico"), links);
        Assert.Contains(("icon", "/favicon.svg"), links);
        Assert.Contains(("apple-touch-icon", "/apple-touch-icon.png"), links);
        Assert.Contains(("manifest", "/manifest.webmanifest"), links);
    }

    [Fact]
    public async Task The_manifest_is_served_as_json_in_arabic_right_to_left()
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync("/manifest.webmanifest");

        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("مدار21", manifest.RootElement.GetProperty("short_name").GetString());
        Assert.Equal("ar", manifest.RootElement.GetProperty("lang").GetString());
        Assert.Equal("rtl", manifest.RootElement.GetProperty("dir").GetString());
        Assert.Equal("/", manifest.RootElement.GetProperty("start_url").GetString());
    }

    [Fact]
    public async Task The_printed_article_carries_its_address()
    {
        var client = await factory.StartAsync();
        var article = await ArticleBuilder.AnArticle("مقال للطباعة").Published().SaveAsync(factory);
        var path = $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        var doc = await client.GetPageAsync(path);

        Assert.Equal(MadarFactory.BaseUrl + path, doc.QuerySelector(".article-header .print-only")!.Text());
    }
}
