using Madar21.Tests.Infrastructure;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Articles;

/// <summary>Sharing without tracking: plain links to each service, and nothing on the page that loads from elsewhere.</summary>
public class ShareLinksTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Each_share_link_goes_to_its_services_share_address_with_the_canonical_url()
    {
        var client = await factory.StartAsync();
        var title = "الرباط تستضيف «قمة» المناخ & الطاقة";
        var article = await AnArticle(title).Published().SaveAsync(factory);
        var path = $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        var canonical = MadarFactory.BaseUrl + path;
        var doc = await client.GetPageAsync(path);

        string Href(string service) => doc.QuerySelector($"nav.share a.share-{service}")!.GetAttribute("href")!;
        var u = Uri.EscapeDataString(canonical);
        var t = Uri.EscapeDataString(title);
        Assert.Equal($"https://wa.me/?text={Uri.EscapeDataString(title + " " + canonical)}", Href("whatsapp"));
        Assert.Equal($"https://www.facebook.com/sharer/sharer.php?u={u}", Href("facebook"));
        Assert.Equal($"https://x.com/intent/tweet?text={t}&url={u}", Href("x"));
        Assert.Equal($"https://t.me/share/url?url={u}&text={t}", Href("telegram"));
        Assert.Equal($"mailto:?subject={t}&body={Uri.EscapeDataString(title + " " + canonical)}", Href("email"));
        // Without JavaScript, «نسخ الرابط» is the article's own address.
        Assert.Equal(canonical, Href("copy"));
        Assert.NotNull(doc.QuerySelector("nav.share .share-status[role=status]"));
    }

    [Fact]
    public async Task The_article_page_loads_nothing_from_another_origin_and_has_no_inline_script_or_style()
    {
        var client = await factory.StartAsync();
        var article = await AnArticle("مقال بلا طرف ثالث").Published().SaveAsync(factory);
        var doc = await client.GetPageAsync($"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}");

        var loaded = doc.QuerySelectorAll("script[src], link[href]:not([rel=canonical]):not([rel=alternate]), img[src], iframe, video, audio, source")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .ToList();
        Assert.NotEmpty(loaded);
        Assert.All(loaded, url => Assert.StartsWith("/", url));
        Assert.Contains(loaded, url => url.StartsWith("/js/share.js?v=", StringComparison.Ordinal));
        Assert.NotEmpty(doc.QuerySelectorAll("script:not([src])"));
        Assert.All(doc.QuerySelectorAll("script:not([src])"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }
}
