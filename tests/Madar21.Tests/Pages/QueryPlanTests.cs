using System.Text.RegularExpressions;
using Madar21.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Pages;

/// <summary>
/// Every command a public page sends finds its rows through an index: SQLite's own query plan (EXPLAIN QUERY PLAN,
/// asked with the very SQL and parameters the page sent) shows no scan of the whole Articles table, no walk of an
/// Articles index without a LIMIT to stop it, and no full-text query without a MATCH. Without statistics (we never
/// run ANALYZE) SQLite plans alike on 45 articles and on 100,000, so the plans here are those of a large archive.
/// Sitemaps are left out: a sitemap file lists up to 50,000 articles by design, and is cached.
/// </summary>
public partial class QueryPlanTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private const string Section = "سياسة";

    private async Task<HttpClient> StartWithArticlesAsync()
    {
        var client = await factory.StartAsync();
        if (await factory.WithDb(db => db.Articles.CountAsync()) > 40) return client;
        for (var i = 0; i < 45; i++)
            await AnArticle($"الحكومة تناقش مشروع قانون المالية رقم {i}").InSection(Section).WithBody($"نص المقال عن الجفاف رقم {i}")
                .Published(TimeSpan.FromMinutes(i)).SaveAsync(factory);
        var first = await factory.WithDb(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await AComment("تعليق").On(first).Approved().SaveAsync(factory);
        // A pinned lead and a pinned featured story, so that the home page's pinned articles are read too.
        await factory.WithDb(async db =>
        {
            db.FrontPins.Add(new Web.Models.FrontPin { Position = 0, ArticleId = first });
            db.FrontPins.Add(new Web.Models.FrontPin { Position = 1, ArticleId = first + 1, ExpiresAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(1) });
            AnArticle("مقال في قسم آخر").InSection("رياضة").Published().AddTo(db, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        return client;
    }

    public static TheoryData<string> PublicPages() =>
    [
        "/",
        "/latest",
        "/latest?page=2",
        "/page/about",
        "/section/" + Uri.EscapeDataString(Section),
        "/section/" + Uri.EscapeDataString(Section) + "?page=2",
        "{article}",
        "/search?q=" + Uri.EscapeDataString("الجفاف"),
        "/search?q=" + Uri.EscapeDataString("الحكومة مشروع"),
        "/feed",
        "/section/" + Uri.EscapeDataString(Section) + "/feed",
        "/news-sitemap.xml",
        "/author/desk",
        "/author/desk?page=2",
        "/author/desk/feed",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_command_of_a_public_page_uses_an_index(string url)
    {
        var client = await StartWithArticlesAsync();
        if (url == "{article}")
        {
            var article = await factory.WithDb(db => db.Articles.OrderBy(a => a.Id).Skip(10).FirstAsync());
            url = $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        }
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // Recorded under the path as the server saw it (unescaped) and the query string as sent.
        var query = url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? url[q..] : "";
        var commands = factory.Commands.SentFor(Uri.UnescapeDataString(url[..^query.Length]) + query);
        Assert.NotEmpty(commands);

        foreach (var command in commands)
        {
            var plan = await PlanAsync(command);
            var problems = Problems(command.Sql, plan).Concat(PublicListProblems(command.Sql, plan)).ToList();
            Assert.True(problems.Count == 0,
                $"{url}: {string.Join("; ", problems)}\n{command.Sql}\n{string.Join("\n", plan)}");
        }
    }

    /// <summary>
    /// A public list seeks articles by status only when it then sorts them: public articles are most of the archive,
    /// so that reads and sorts nearly every row for one page (the date-ordered index is walked instead).
    /// </summary>
    private static IEnumerable<string> PublicListProblems(string sql, IReadOnlyList<string> plan)
    {
        if (!plan.Any(l => l.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal))) yield break;
        var articleAliases = ArticleAlias().Matches(sql).Select(m => m.Groups[1].Value).Append("Articles").ToHashSet();
        foreach (var line in plan)
            if (StatusSeek().Match(line) is { Success: true } seek && articleAliases.Contains(seek.Groups[1].Value))
                yield return $"every article of a status read and sorted: {line.Trim()}";
    }

    /// <summary>The newsroom's own lists: the review queue (and its count in every editor's navigation), a writer's own articles.</summary>
    [Theory]
    [InlineData("/admin/review", Madar21.Web.Admin.StaffRoles.Editor)]
    [InlineData("/admin/articles", Madar21.Web.Admin.StaffRoles.Writer)]
    public async Task Every_command_of_the_review_queue_and_of_a_writers_list_uses_an_index(string url, string role)
    {
        await StartWithArticlesAsync();
        var staff = await factory.SignedInStaffAsync(role);
        await AnArticle("مقال بانتظار المراجعة للخطة").PendingReview().By(staff.UserId).SaveAsync(factory);
        factory.Commands.Clear();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await staff.Client.GetAsync(url)).StatusCode);
        var commands = factory.Commands.SentFor(url);
        Assert.Contains(commands, c => c.Sql.Contains("\"Articles\"", StringComparison.Ordinal));

        foreach (var command in commands)
        {
            var problems = Problems(command.Sql, await PlanAsync(command));
            Assert.True(problems.Count == 0, $"{url}: {string.Join("; ", problems)}\n{command.Sql}");
        }
    }

    [Fact]
    public void The_rules_catch_a_public_list_that_sorts_every_article_of_a_status()
    {
        const string sql = """SELECT "a"."Id" FROM "Articles" AS "a" WHERE "a"."Status" IN (1, 2) ORDER BY "a"."PublishedAt" DESC LIMIT 20""";
        Assert.NotEmpty(PublicListProblems(sql, ["SEARCH a USING INDEX IX_Articles_Status_Id (Status=?)", "USE TEMP B-TREE FOR ORDER BY"]));
        Assert.Empty(PublicListProblems(sql, ["SEARCH a USING INDEX IX_Articles_PublishedAt_Id_Status (PublishedAt>? AND PublishedAt<?)"]));
        Assert.Empty(PublicListProblems(sql, ["SEARCH a USING INDEX IX_Articles_Status_Id (Status=?)"]));
    }

    [Fact]
    public void The_rules_catch_a_full_scan_an_unbounded_index_walk_and_a_full_text_scan()
    {
        const string sql = """SELECT "a"."Id" FROM "Articles" AS "a" ORDER BY "a"."PublishedAt" DESC""";
        Assert.NotEmpty(Problems(sql, ["SCAN a"]));
        Assert.NotEmpty(Problems(sql, ["SCAN a USING INDEX IX_Articles_PublishedAt_Id_Status"]));
        Assert.Empty(Problems(sql + " LIMIT 30", ["SCAN a USING INDEX IX_Articles_PublishedAt_Id_Status"]));
        Assert.NotEmpty(Problems("SELECT rowid FROM ArticleSearch", ["SCAN ArticleSearch VIRTUAL TABLE INDEX 0:"]));
        const string match = "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $m";
        Assert.NotEmpty(Problems(match + " ORDER BY rank LIMIT 20", ["SCAN ArticleSearch VIRTUAL TABLE INDEX 32:M6"]));
        Assert.NotEmpty(Problems(match, ["SCAN ArticleSearch VIRTUAL TABLE INDEX 192:M6"]));
        Assert.Empty(Problems(match + " ORDER BY rowid DESC LIMIT 1000", ["SCAN ArticleSearch VIRTUAL TABLE INDEX 192:M6"]));
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

    /// <summary>The lines of a plan that read the archive without a bound.</summary>
    private static List<string> Problems(string sql, IEnumerable<string> plan)
    {
        // EF names each table with an alias: "Articles" AS "a".
        var articleAliases = ArticleAlias().Matches(sql).Select(m => m.Groups[1].Value).Append("Articles").ToHashSet();
        var bounded = Limit().IsMatch(sql);
        var problems = new List<string>();
        foreach (var line in plan)
        {
            var scan = Scan().Match(line);
            if (!scan.Success) continue;
            var (table, rest) = (scan.Groups[1].Value, scan.Groups[2].Value);
            if (table is "ArticleSearch" or "ArticleTitleSearch")
            {
                // FTS5's plan: "VIRTUAL TABLE INDEX <flags>:<constraints>"; M is a MATCH, flag 0x40 an order by rowid,
                // which FTS5 walks in order, so that a LIMIT stops it (ordered by rank, it would score every match).
                var fts = FullTextIndex().Match(rest);
                if (!fts.Success || !fts.Groups[2].Value.Contains('M', StringComparison.Ordinal))
                    problems.Add($"full-text scan without MATCH: {line}");
                else if ((int.Parse(fts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) & 0x40) == 0 || !bounded)
                    problems.Add($"full-text query that reads every match (not in rowid order under a LIMIT): {line}");
            }
            else if (articleAliases.Contains(table))
            {
                if (!rest.Contains("INDEX", StringComparison.Ordinal)) problems.Add($"full scan of Articles: {line}");
                else if (!bounded) problems.Add($"index walk over Articles without a LIMIT: {line}");
            }
        }
        return problems;
    }

    [GeneratedRegex("\"Articles\" AS \"(\\w+)\"")]
    private static partial Regex ArticleAlias();

    [GeneratedRegex(@"SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(Status=\?\)")]
    private static partial Regex StatusSeek();

    [GeneratedRegex(@"\bLIMIT\b", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();

    [GeneratedRegex(@"^SCAN (\w+)(.*)$")]
    private static partial Regex Scan();

    [GeneratedRegex(@"VIRTUAL TABLE INDEX (\d+):(\S*)")]
    private static partial Regex FullTextIndex();
}
