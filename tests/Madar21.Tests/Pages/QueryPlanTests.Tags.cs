using Madar21.Tests.Infrastructure;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

// Tag pages and feeds: a range of the tags' listing index, in its order, stopped after a page.
public partial class QueryPlanTests
{
    private const string TagName = "التحالف الدولي";

    private async Task<(HttpClient Client, string Slug)> StartWithTaggedArticlesAsync()
    {
        var client = await StartWithArticlesAsync();
        var slug = await factory.WithDb(db => db.Tags.Where(t => t.Key == TagNames.KeyOf(TagName)).Select(t => t.Slug).FirstOrDefaultAsync());
        if (slug is not null) return (client, slug);
        await factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 45; i++)
                AnArticle($"اجتماع التحالف رقم {i}").InSection(Section).TaggedWith(TagName, "الأمن").Published(TimeSpan.FromMinutes(i)).AddTo(db, now);
            await db.SaveChangesAsync();
        });
        return (client, await factory.WithDb(db => db.Tags.Where(t => t.Key == TagNames.KeyOf(TagName)).Select(t => t.Slug).SingleAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=2")]
    [InlineData("/feed")]
    public async Task Every_command_of_a_tag_page_uses_an_index_and_the_tag_list_is_read_in_index_order(string rest)
    {
        var (client, slug) = await StartWithTaggedArticlesAsync();
        var url = TagQueries.UrlOf(slug) + rest;
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var commands = factory.Commands.SentFor(Uri.UnescapeDataString(url.Split('?')[0]) + (rest.StartsWith('?') ? rest : ""));
        Assert.NotEmpty(commands);

        var listing = 0;
        foreach (var command in commands)
        {
            var plan = await PlanAsync(command);
            var problems = Problems(command.Sql, plan).Concat(PublicListProblems(command.Sql, plan)).ToList();
            Assert.True(problems.Count == 0, $"{url}: {string.Join("; ", problems)}\n{command.Sql}\n{string.Join("\n", plan)}");
            if (!command.Sql.Contains("\"ArticleTags\"", StringComparison.Ordinal) || command.Sql.Contains("\"Tags\"", StringComparison.Ordinal)) continue;
            listing++;
            Assert.Contains(plan, line => line.Contains("USING COVERING INDEX IX_ArticleTags_TagId_ListedAt_ArticleId", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
        Assert.Equal(1, listing);
    }
}
