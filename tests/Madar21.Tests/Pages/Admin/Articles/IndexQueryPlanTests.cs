using System.Globalization;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>
/// The admin's article list and dashboard under the same rules as the public pages: every command finds its rows
/// through an index (no scan of the Articles table, whatever the filter or the page), and each page sends a fixed
/// number of commands however many rows it lists.
/// </summary>
public partial class QueryPlanTests
{
    /// <param name="rowidWalk">
    /// The list with no filter, or one most articles pass, walks the table by id from the page's edge and stops after a
    /// page (SQLite's plan says "SCAN a", bounded by the LIMIT); a filter few articles pass must find them by an index.
    /// </param>
    public static TheoryData<string, bool> AdminPages() => new()
    {
        { "/admin", false },
        { "/admin/articles", true },
        { "/admin/articles?sort=oldest", true },
        { "/admin/articles?after={deep}", true },
        { "/admin/articles?before={deep}", true },
        { "/admin/articles?status=published", true },
        { "/admin/articles?status=draft", false },
        { "/admin/articles?status=scheduled", false },
        { "/admin/articles?section={section}", false },
        { "/admin/articles?section={section}&status=draft&after={deep}", false },
        { "/admin/articles?q=" + Uri.EscapeDataString("الحكومة"), false },
        { "/admin/articles?q=" + Uri.EscapeDataString("الجفاف") + "&status=draft", false },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Every_command_of_the_admin_list_and_dashboard_uses_an_index(string url, bool rowidWalk)
    {
        var editor = await SignedInWithArticlesAsync();
        url = await ResolveAsync(url);
        factory.Commands.Clear();
        var response = await editor.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var query = url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? url[q..] : "";
        var commands = factory.Commands.SentFor(url[..^query.Length] + query);
        Assert.NotEmpty(commands);

        foreach (var command in commands)
        {
            var plan = await PlanAsync(command);
            var problems = Problems(command.Sql, plan);
            if (rowidWalk && Limit().IsMatch(command.Sql) && !plan.Any(l => l.Contains("TEMP B-TREE", StringComparison.Ordinal)))
                problems.RemoveAll(p => p == "full scan of Articles: SCAN a");
            Assert.True(problems.Count == 0, $"{url}: {string.Join("; ", problems)}\n{command.Sql}\n{string.Join("\n", plan)}");
        }
    }

    [Theory]
    // Every admin page: the session, the account with its claims and roles (six), the two-factor setting and the
    // navigation's counts of pending comments and reviews (ten).
    // The list adds the sections and ONE command for its page of 50 rows with their comment counts.
    [InlineData("/admin/articles", 12)]
    [InlineData("/admin/articles?q=x&status=draft&section={section}&after={deep}", 12)]
    [InlineData("/admin", 17)] // five counts and two short lists
    public async Task The_admin_list_and_dashboard_send_a_fixed_number_of_commands(string url, int most)
    {
        var editor = await SignedInWithArticlesAsync();
        url = await ResolveAsync(url);
        factory.Commands.Clear();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
        var query = url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? url[q..] : "";
        var commands = factory.Commands.For(url[..^query.Length] + query);
        Assert.True(commands.Count <= most, $"{commands.Count} commands:\n{string.Join("\n\n", commands)}");
    }

    private async Task<HttpClient> SignedInWithArticlesAsync()
    {
        await StartWithArticlesAsync();
        if (!await factory.WithDb(db => db.Articles.AnyAsync(a => a.Status == Web.Models.ArticleStatus.Draft)))
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            await factory.WithDb(async db =>
            {
                for (var i = 0; i < 60; i++) AnArticle($"مسودة عن الجفاف {i}").InSection(Section).Draft().AddTo(db, now);
                AnArticle("مقال مجدول").InSection(Section).ScheduledAt(now.AddDays(1)).AddTo(db, now);
                await db.SaveChangesAsync();
            });
        }
        return await factory.SignedInAsEditorAsync();
    }

    private async Task<string> ResolveAsync(string url)
    {
        var section = await factory.WithDb(db => db.Sections.Where(s => s.Name == Section).Select(s => s.Id).SingleAsync());
        var deep = await factory.WithDb(db => db.Articles.OrderBy(a => a.Id).Skip(20).Select(a => a.Id).FirstAsync());
        return url.Replace("{section}", section.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{deep}", deep.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
