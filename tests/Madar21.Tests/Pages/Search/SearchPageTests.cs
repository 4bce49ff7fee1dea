using System.Net;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Search;

public class SearchPageTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private async Task<(HttpClient Client, Article Seed)> StartAsync()
    {
        var client = await factory.StartAsync();
        var seed = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
        return (client, seed);
    }

    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static async Task<IHtmlDocument> SearchAsync(HttpClient client, string query, int page = 1)
    {
        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}" + (page > 1 ? $"&page={page}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ParsePageAsync();
    }

    private static List<string> ResultLinks(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".search-results .card-title a").Select(a => a.GetAttribute("href")!).ToList();

    [SkippableTheory]
    [InlineData("بلينكن")]
    [InlineData("بلينكين")]
    [InlineData("داعش")]
    [InlineData("التحالف الدولي")]
    [InlineData("تحالف")]
    [InlineData("والتحالف")]
    public async Task The_seed_article_is_found(string query)
    {
        var (client, seed) = await StartAsync();

        var doc = await SearchAsync(client, query);

        Assert.Contains(PathOf(seed), ResultLinks(doc));
    }

    [SkippableTheory]
    [InlineData("الرئيس مُحَمَّد", "محمد", "tashkeel")]
    [InlineData("محمد", "مُحَمَّد", "tashkeel in the query")]
    [InlineData("الربـــاط", "الرباط", "tatweel")]
    [InlineData("الرباط", "الربـــاط", "tatweel in the query")]
    [InlineData("أخبار", "اخبار", "alef with hamza above")]
    [InlineData("اسبانيا", "إسبانيا", "alef with hamza below")]
    [InlineData("آسيا", "اسيا", "alef with madda")]
    [InlineData("ٱلقرآن", "القران", "alef wasla")]
    [InlineData("مصطفى", "مصطفي", "alef maqsura")]
    [InlineData("المدرسة", "المدرسه", "teh marbuta")]
    [InlineData("مؤتمر", "موتمر", "waw with hamza")]
    [InlineData("رئيس", "رييس", "yeh with hamza")]
    [InlineData("سنة ٢٠٢٢", "2022", "arabic-indic digits")]
    [InlineData("سنة 2019", "۲۰۱۹", "eastern arabic-indic digits")]
    [InlineData("والتعاون", "التعاون", "conjunction waw")]
    [InlineData("فالمغرب", "المغرب", "conjunction fa")]
    [InlineData("بمراكش", "مراكش", "preposition ba")]
    [InlineData("لمراكش", "مراكش", "preposition lam")]
    [InlineData("الاقتصاد", "اقتصاد", "definite article")]
    [InlineData("بوتين", "بوتن", "name variant")]
    public async Task A_query_spelled_one_way_finds_text_spelled_the_other(string inText, string query, string rule)
    {
        var client = await factory.StartAsync();
        var article = await AnArticle($"مقال اختبار قاعدة {rule}").WithBody($"فقرة أولى فيها {inText} ثم كلام آخر.").Published().SaveAsync(factory);

        var doc = await SearchAsync(client, query);

        Assert.Contains(PathOf(article), ResultLinks(doc));
    }

    [SkippableFact]
    public async Task Each_spelling_of_a_name_finds_the_articles_using_the_other()
    {
        var client = await factory.StartAsync();
        var shortSpelling = await AnArticle("لقاء مع لافروف").WithBody("صرح الوزير بلينكن بأن اللقاء مثمر.").Published().SaveAsync(factory);
        var longSpelling = await AnArticle("زيارة إلى الرباط").WithBody("وصل الوزير بلينكين إلى الرباط.").Published().SaveAsync(factory);

        Assert.Contains(PathOf(longSpelling), ResultLinks(await SearchAsync(client, "بلينكن")));
        Assert.Contains(PathOf(shortSpelling), ResultLinks(await SearchAsync(client, "بلينكين")));
    }

    [SkippableFact]
    public async Task Matches_are_highlighted_with_mark_and_the_total_is_shown()
    {
        var (client, _) = await StartAsync();

        var doc = await SearchAsync(client, "بلينكن");

        var marks = doc.QuerySelectorAll(".search-results mark").Select(m => m.TextContent).ToList();
        Assert.Contains("بلينكين", marks); // the title's spelling, marked for the other one
        Assert.Matches(@"\d|نتيجة", doc.QuerySelector(".search-count")!.Text());
    }

    [SkippableFact]
    public async Task A_title_with_markup_is_shown_as_text_in_results()
    {
        var client = await factory.StartAsync();
        await AnArticle("عنوان <script>alert(1)</script> قنبلة").WithBody("قنبلة موقوتة").Published().SaveAsync(factory);

        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString("قنبلة")}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)", html);
        var doc = Html.Parse(html);
        Assert.Contains(doc.QuerySelectorAll(".search-results .card-title"), t => t.TextContent.Contains("<script>alert(1)</script>"));
    }

    [SkippableFact]
    public async Task Twenty_results_a_page_with_the_total_and_a_next_page()
    {
        var client = await factory.StartAsync();
        for (var i = 0; i < 23; i++)
            await AnArticle($"خبر رقم {i} عن الزلزال").WithBody("تفاصيل الزلزال").Published(TimeSpan.FromMinutes(i)).SaveAsync(factory);

        var first = await SearchAsync(client, "الزلزال");
        var second = await SearchAsync(client, "الزلزال", page: 2);

        Assert.Equal(20, ResultLinks(first).Count);
        Assert.Equal(3, ResultLinks(second).Count);
        Assert.Contains("23", first.QuerySelector(".search-count")!.Text());
        Assert.NotNull(first.QuerySelector(".pager a[rel=next]"));
        Assert.Empty(ResultLinks(first).Intersect(ResultLinks(second)));
    }

    [SkippableFact]
    public async Task Among_equal_scores_the_newest_comes_first()
    {
        var client = await factory.StartAsync();
        var older = await AnArticle("نبأ البركان").WithBody("البركان").Published(TimeSpan.FromDays(2)).SaveAsync(factory);
        var newer = await AnArticle("نبأ البركان").WithBody("البركان").Published(TimeSpan.FromDays(1)).SaveAsync(factory);

        var links = ResultLinks(await SearchAsync(client, "البركان"));

        Assert.True(links.IndexOf(PathOf(newer)) < links.IndexOf(PathOf(older)));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_shows_the_page_without_results(string query)
    {
        var client = await factory.StartAsync();

        var doc = await SearchAsync(client, query);

        Assert.Empty(ResultLinks(doc));
        Assert.Null(doc.QuerySelector(".search-count"));
        Assert.NotNull(doc.QuerySelector("form[role=search] input[name=q]"));
    }

    [SkippableFact]
    public async Task The_search_page_without_a_query_string_answers_200()
    {
        var client = await factory.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("داعش\"")]
    [InlineData("NEAR")]
    [InlineData("NEAR(داعش التحالف)")]
    [InlineData("داعش NEAR/2 التحالف")]
    [InlineData("*")]
    [InlineData("داعش*")]
    [InlineData("-داعش")]
    [InlineData("(")]
    [InlineData(")داعش(")]
    [InlineData("AND OR NOT")]
    [InlineData("title:داعش")]
    [InlineData("{title}: x")]
    [InlineData("^داعش")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("1' OR '1'='1")]
    [InlineData("َ")]
    [InlineData("ًٌٍَُِّْ")]
    [InlineData("!@#$%^&*()_+=[]{}|;:,.<>?/~`")]
    [InlineData("؟،؛«»")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0000\u0001")]
    [InlineData("😀 🇲🇦")]
    public async Task Hostile_queries_are_treated_as_text(string query)
    {
        var client = await factory.StartAsync();

        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Search failed", factory.Logs.AllText);
    }

    [SkippableTheory]
    [InlineData("/search?q=%E0%A4")]
    [InlineData("/search?q=x&page=abc")]
    [InlineData("/search?q=x&page=-3")]
    [InlineData("/search?q=x&page=99999999999999")]
    [InlineData("/search?q=a&q=b")]
    public async Task Odd_query_strings_answer_200(string url)
    {
        var client = await factory.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task A_long_query_is_cut_to_200_characters()
    {
        var (client, seed) = await StartAsync();

        var doc = await SearchAsync(client, "داعش " + new string('س', 5000));

        Assert.Equal(200, doc.QuerySelector("#search-q")!.GetAttribute("value")!.Length);
    }

    [SkippableFact]
    public async Task Search_results_are_not_indexed_by_crawlers()
    {
        var client = await factory.StartAsync();
        var doc = await SearchAsync(client, "داعش");
        Assert.Equal("noindex", doc.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}
