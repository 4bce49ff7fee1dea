using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

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
            var section = await db.Sections.SingleAsync(s => s.Name == Section);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 45; i++)
            {
                db.Articles.Add(new Article
                {
                    Title = $"مقال رقم {i}", Slug = $"maqal-{i}", SectionId = section.Id, BodyMarkdown = "نص", BodyHtml = "<p>نص</p>",
                    BodyText = "نص", Excerpt = "نص", Status = ArticleStatus.Published, PublishedAt = now.AddMinutes(-i), CreatedAt = now, UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        });
        return client;
    }

    private async Task<IReadOnlyCollection<string>> CommandsOfAsync(HttpClient client, string url, string serverPath)
    {
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.For(serverPath);
    }

    [Fact]
    public async Task Home_page_sends_at_most_two_commands()
    {
        var client = await StartWithArticlesAsync();
        var commands = await CommandsOfAsync(client, "/", "/");
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

    [Fact]
    public async Task Article_page_sends_at_most_two_commands()
    {
        var client = await StartWithArticlesAsync();
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).FirstAsync());
        var path = $"/article/{article.Id}/{article.Slug}";
        var commands = await CommandsOfAsync(client, $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}", path);
        Assert.InRange(commands.Count, 1, 2);
    }
}
