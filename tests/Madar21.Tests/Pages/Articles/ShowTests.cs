using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Pages.Articles;

public class ShowTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string SeedTitle = "رسميا.. بلينكين يغيب عن الاجتماع الوزاري للتحالف الدولي ضد “داعش”";

    [Fact]
    public async Task Article_page_is_arabic_rtl_with_the_title_and_every_paragraph_and_no_boilerplate()
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var doc = await client.GetPageAsync(CommentTestKit.PathOf(article));

        Assert.Equal("ar", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.Equal(SeedTitle, doc.QuerySelector("h1")!.Text());
        var paragraphs = doc.QuerySelectorAll(".article-body p").Select(p => p.Text()).ToList();
        Assert.Equal(12, paragraphs.Count);
        Assert.StartsWith("تأكد رسميا غياب", paragraphs[0]);
        Assert.StartsWith("وكان التحالف قد أنشأ", paragraphs[^1]);
        Assert.DoesNotContain("اترك تعليقاً", doc.QuerySelector(".article-body")!.TextContent);
        Assert.DoesNotContain("لن يتم نشر", doc.QuerySelector(".article-body")!.TextContent);
        Assert.DoesNotContain("تابع آخر الأخبار", doc.QuerySelector(".article-body")!.TextContent);
        var time = doc.QuerySelector("article time")!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Follow_links_point_to_the_configured_targets()
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var doc = await client.GetPageAsync(CommentTestKit.PathOf(article));

        var follow = doc.QuerySelectorAll(".follow a").ToDictionary(a => a.Text(), a => a.GetAttribute("href"));
        Assert.StartsWith("https://", follow["تابع آخر الأخبار من مدار21 على WhatsApp"]);
        Assert.StartsWith("https://", follow["تابع آخر الأخبار من مدار21 على Google News"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/wrong-slug")]
    public async Task Missing_or_wrong_slug_redirects_permanently_to_the_canonical_url(string suffix)
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var response = await client.GetAsync($"/article/{article.Id}{suffix}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(CommentTestKit.PathOf(article), response.Headers.Location!.OriginalString);
    }
}
