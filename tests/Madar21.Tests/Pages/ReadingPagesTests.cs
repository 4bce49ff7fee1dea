using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages;

public class ReadingPagesTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string SeedTitle = "رسميا.. بلينكين يغيب عن الاجتماع الوزاري للتحالف الدولي ضد “داعش”";

    private async Task<(HttpClient Client, Article Article)> SeedArticleAsync()
    {
        var client = await factory.StartAsync();
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
        return (client, article);
    }

    private static string CanonicalPath(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    [Fact]
    public async Task Home_lists_the_seed_article_with_its_section()
    {
        var (client, article) = await SeedArticleAsync();
        var doc = await client.GetPageAsync("/");

        var link = doc.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == CanonicalPath(article));
        Assert.Equal(SeedTitle, link.Text());
        Assert.Contains(doc.QuerySelectorAll("nav.sections-nav a"), a => a.Text() == "سياسة");
    }

    [Fact]
    public async Task Section_page_has_the_section_as_heading_and_lists_its_article()
    {
        var (client, article) = await SeedArticleAsync();
        var doc = await client.GetPageAsync("/section/" + Uri.EscapeDataString("سياسة"));

        Assert.Equal("سياسة", doc.QuerySelector("h1")!.Text());
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == CanonicalPath(article) && a.Text() == SeedTitle);
    }

    [Fact]
    public async Task Article_page_is_arabic_rtl_with_the_title_and_every_paragraph_and_no_boilerplate()
    {
        var (client, article) = await SeedArticleAsync();
        var doc = await client.GetPageAsync(CanonicalPath(article));

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
        var (client, article) = await SeedArticleAsync();
        var doc = await client.GetPageAsync(CanonicalPath(article));

        var follow = doc.QuerySelectorAll(".follow a").ToDictionary(a => a.Text(), a => a.GetAttribute("href"));
        Assert.StartsWith("https://", follow["تابع آخر الأخبار من مدار21 على WhatsApp"]);
        Assert.StartsWith("https://", follow["تابع آخر الأخبار من مدار21 على Google News"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/wrong-slug")]
    public async Task Missing_or_wrong_slug_redirects_permanently_to_the_canonical_url(string suffix)
    {
        var (client, article) = await SeedArticleAsync();
        var response = await client.GetAsync($"/article/{article.Id}{suffix}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(CanonicalPath(article), response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/article/999999/x")]
    [InlineData("/section/%D9%84%D8%A7-%D9%8A%D9%88%D8%AC%D8%AF")]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=2")]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=0")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_answer_404_with_an_arabic_page_in_the_layout(string url)
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await response.ParsePageAsync();
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.Equal("الصفحة غير موجودة", doc.QuerySelector("h1")!.Text());
        Assert.NotNull(doc.QuerySelector("header.masthead"));
    }

    [Fact]
    public async Task Health_check_answers_200_when_the_database_is_reachable()
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
