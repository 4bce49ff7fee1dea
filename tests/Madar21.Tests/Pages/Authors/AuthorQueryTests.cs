using Madar21.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Authors;

/// <summary>
/// The author pages and the bylined cards cost a fixed, small number of SQL commands (no query per card or per
/// name), and an author's list is read down its own index, in order, stopping after one page. The page cache is off.
/// </summary>
public class AuthorQueryTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private async Task<(HttpClient Client, Author Author)> StartAsync()
    {
        var client = await factory.StartAsync();
        if (await factory.WithDb(db => db.StaffProfiles.FirstOrDefaultAsync(p => p.DisplayName == "كاتبة العدّ")) is { } known)
            return (client, new Author("", known.UserId, known.Id, known.DisplayName, known.Slug));
        var author = await factory.AuthorAsync("كاتبة العدّ");
        var other = await factory.AuthorAsync("كاتب آخر للعدّ");
        await factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 45; i++)
                AnArticle($"مقال موقّع رقم {i}").By(i % 3 == 0 ? [author.ProfileId, other.ProfileId] : [author.ProfileId])
                    .Published(TimeSpan.FromMinutes(i)).AddTo(db, now);
            await db.SaveChangesAsync();
        });
        await client.GetAsync("/"); // the site-wide values, read once per change, not counted against a page
        return (client, author);
    }

    private async Task<IReadOnlyCollection<SentCommand>> CommandsOfAsync(HttpClient client, string url)
    {
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.SentFor(Uri.UnescapeDataString(url));
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("?page=2", 2)]
    [InlineData("/feed", 2)]
    public async Task An_author_page_and_feed_send_at_most_two_commands(string suffix, int most)
    {
        var (client, author) = await StartAsync();
        var commands = await CommandsOfAsync(client, author.PagePath + suffix);
        Assert.InRange(commands.Count, 1, most); // the profile, then the page of cards with their bylines
    }

    [Theory]
    [InlineData("/author/desk")]
    [InlineData("/author/desk/feed")]
    public async Task The_desk_page_and_feed_send_one_command(string url)
    {
        var (client, _) = await StartAsync();
        Assert.Single(await CommandsOfAsync(client, url));
    }

    [Fact]
    public async Task Cards_with_bylines_of_one_or_two_names_cost_no_more_commands_than_before()
    {
        var (client, _) = await StartAsync();
        var home = await client.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll(".card-byline"), b => b.Text().StartsWith("بقلم كاتبة العدّ و", StringComparison.Ordinal));
        // The edited front page's own bound (pins, their articles, the newest, the section blocks, the pictures; see
        // QueryCountTests): bylines add nothing to it.
        Assert.InRange((await CommandsOfAsync(client, "/")).Count, 1, 5);
        Assert.InRange((await CommandsOfAsync(client, "/section/" + Uri.EscapeDataString("سياسة"))).Count, 1, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=2")]
    [InlineData("/feed")]
    public async Task The_author_list_is_read_down_its_index_without_sorting_or_scanning(string suffix)
    {
        var (client, author) = await StartAsync();
        var commands = await CommandsOfAsync(client, author.PagePath + suffix);
        var list = commands.Single(c => c.Sql.Contains("\"ArticleAuthors\"", StringComparison.Ordinal) && c.Sql.Contains("LIMIT", StringComparison.Ordinal));
        var plan = await PlanAsync(list);
        var all = $"{list.Sql}\n{string.Join("\n", plan)}";
        Assert.True(plan.Any(line => line.Contains("INDEX IX_ArticleAuthors_ProfileId_PublishedAt_ArticleId", StringComparison.Ordinal)), all);
        // No table of the archive is read whole: each is searched by a key, or walked down an index under the LIMIT.
        var tables = System.Text.RegularExpressions.Regex.Matches(list.Sql, "\"(?:Articles|ArticleAuthors|StaffProfiles|Comments)\" AS \"(\\w+)\"")
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal) && tables.Contains(line.Split(' ')[1]) && !line.Contains("INDEX", StringComparison.Ordinal));
        // The ORDER BY of the list is the index's own order: SQLite sorts nothing (a sort of the page's few rows by the
        // byline's position, after the LIMIT, is allowed).
        Assert.False(plan.TakeWhile(line => !line.Contains("SCAN s", StringComparison.Ordinal)).Any(line => line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)), all);
    }

    private async Task<List<string>> PlanAsync(SentCommand command)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }
}
