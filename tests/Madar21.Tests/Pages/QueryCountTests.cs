using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Pages;

/// <summary>
/// Each public page costs a fixed, small number of SQL commands however many articles it lists (no N+1).
/// The page cache is off here, so every request reaches the database.
/// </summary>
public class QueryCountTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private const string Section = "سياسة";

    private async Task<HttpClient> StartWithArticlesAsync()
    {
        var client = await factory.StartAsync();
        await factory.WithDb(async db =>
        {
            if (await db.Articles.CountAsync() > 40) return;
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 45; i++)
                AnArticle($"مقال رقم {i}").InSection(Section).WithBody("نص").Published(TimeSpan.FromMinutes(i)).AddTo(db, now);
            await db.SaveChangesAsync();
        });
        // What every page shows (the section names, the site settings) is read once per site-wide change, not per
        // page: one page first, so that each test counts what its own page costs.
        await client.GetAsync("/");
        return client;
    }

    private async Task<IReadOnlyCollection<string>> CommandsOfAsync(HttpClient client, string url, string serverPath)
    {
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.For(serverPath);
    }

    /// <summary>
    /// The pins in force, their articles, the newest articles, the newest of every section (one UNION ALL, however
    /// many sections), the cards' pictures; the sections bar and the footer's pages are kept in memory.
    /// </summary>
    [Fact]
    public async Task Home_page_sends_at_most_five_commands_whatever_its_pins_and_sections()
    {
        var client = await StartWithArticlesAsync();
        await factory.WithDb(async db =>
        {
            if (await db.FrontPins.AnyAsync()) return;
            var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToListAsync();
            for (var i = 0; i < ids.Count; i++) db.FrontPins.Add(new Web.Models.FrontPin { Position = i, ArticleId = ids[i] });
            for (var i = 0; i < 8; i++) AnArticle($"مقال في قسم {i}").InSection($"قسم {i}").Published().AddTo(db, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        await client.GetAsync("/");
        var commands = await CommandsOfAsync(client, "/", "/");
        Assert.InRange(commands.Count, 1, 5);
    }

    [Theory]
    [InlineData("/latest")]
    [InlineData("/latest?page=2")]
    public async Task Latest_news_page_sends_at_most_two_commands(string url)
    {
        var client = await StartWithArticlesAsync();
        var commands = await CommandsOfAsync(client, url, url);
        Assert.InRange(commands.Count, 1, 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=2")]
    public async Task Section_page_sends_at_most_three_commands(string query)
    {
        var client = await StartWithArticlesAsync();
        var commands = await CommandsOfAsync(client, "/section/" + Uri.EscapeDataString(Section) + query, "/section/" + Section + query);
        Assert.InRange(commands.Count, 1, 3);
    }

    /// <summary>The article, its reading aids (related, previous, next: one command), its approved comments, the sections bar.</summary>
    [Fact]
    public async Task Article_page_sends_at_most_four_commands_whatever_its_comments()
    {
        var client = await StartWithArticlesAsync();
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).FirstAsync());
        for (var i = 0; i < 12; i++)
            await AComment($"تعليق {i}").By($"قارئ {i}").On(article).Approved().SaveAsync(factory);
        var path = $"/article/{article.Id}/{article.Slug}";
        var commands = await CommandsOfAsync(client, $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}", path);
        Assert.InRange(commands.Count, 1, 4);
    }

    /// <summary>The bounded count that chooses the ranking, the ranked matches, the page's articles, the sections bar.</summary>
    [Fact]
    public async Task Search_page_sends_at_most_four_commands()
    {
        var client = await StartWithArticlesAsync();
        var commands = await CommandsOfAsync(client, "/search?q=" + Uri.EscapeDataString("مقال"), "/search?q=" + Uri.EscapeDataString("مقال"));
        Assert.InRange(commands.Count, 1, 4);
    }

    [Theory]
    [InlineData("/feed", 2)]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/feed", 2)]
    [InlineData("/news-sitemap.xml", 2)]
    [InlineData("/sitemap.xml", 7)] // sections, their last changes, tags and theirs, the authors, the desk, the article count, the URLs
    public async Task Feeds_and_sitemaps_send_a_fixed_number_of_commands(string url, int most)
    {
        var client = await StartWithArticlesAsync();
        var commands = await CommandsOfAsync(client, url, Uri.UnescapeDataString(url));
        Assert.InRange(commands.Count, 1, most);
    }
}
