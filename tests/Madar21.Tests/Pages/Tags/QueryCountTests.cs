using Madar21.Tests.Infrastructure;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Tags;

/// <summary>A tag's page and feed cost a fixed, small number of SQL commands however many articles they list.</summary>
public class QueryCountTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private async Task<(HttpClient Client, string Slug)> StartAsync()
    {
        var client = await factory.StartAsync();
        await factory.WithDb(async db =>
        {
            if (await db.Tags.AnyAsync()) return;
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 45; i++)
                AnArticle($"مقال موسوم رقم {i}").TaggedWith("الجفاف", "الماء").Published(TimeSpan.FromMinutes(i)).AddTo(db, now);
            await db.SaveChangesAsync();
        });
        await client.GetAsync("/"); // what every page shows is read once per site-wide change
        return (client, await factory.WithDb(db => db.Tags.Where(t => t.Key == TagNames.KeyOf("الجفاف")).Select(t => t.Slug).SingleAsync()));
    }

    /// <summary>The tag (by slug), the page of ids, their cards, their pictures at most.</summary>
    [Theory]
    [InlineData("", 4)]
    [InlineData("?page=2", 4)]
    [InlineData("/feed", 3)]
    public async Task A_tag_page_sends_a_few_commands_whatever_it_lists(string rest, int most)
    {
        var (client, slug) = await StartAsync();
        var url = TagQueries.UrlOf(slug) + rest;
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(factory.Commands.For(Uri.UnescapeDataString(url.Split('?')[0]) + (rest.StartsWith('?') ? rest : "")).Count, 1, most);
    }

    /// <summary>The article page reads its tags with one more command than before tags, however many it has.</summary>
    [Fact]
    public async Task The_article_page_reads_its_tags_in_one_command()
    {
        var (client, _) = await StartAsync();
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).LastAsync());
        var path = $"/article/{article.Id}/{article.Slug}";
        factory.Commands.Clear();
        await client.GetAsync($"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}");
        Assert.Single(factory.Commands.For(path), c => c.Contains("\"ArticleTags\"", StringComparison.Ordinal));
    }
}
