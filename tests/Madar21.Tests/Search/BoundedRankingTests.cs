using Madar21.Tests.Infrastructure;
using Madar21.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Search;

/// <summary>
/// How the index ranks a query with fewer matches than the limit (by relevance, all of them) and one with more (the
/// newest with the word in the title first, then the newest of the rest), with a small limit to stand for 1,000.
/// </summary>
public class BoundedRankingTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private async Task<List<int>> RankedAsync(string text, int limit, int needed = 100) =>
        await factory.WithDb(async db =>
        {
            var search = factory.Services.GetRequiredService<IArticleSearch>();
            var hits = await (await search.MatchAsync(db, SearchQuery.Parse(text), limit, needed, CancellationToken.None)).Hits.ToListAsync();
            return hits.GroupBy(h => h.ArticleId).Select(g => (Id: g.Key, Score: g.Min(h => h.Score)))
                .OrderBy(h => h.Score).ThenByDescending(h => h.Id).Select(h => h.Id).ToList();
        });

    [SkippableFact]
    public async Task Past_the_limit_the_newest_title_matches_come_first_then_the_newest_others()
    {
        await factory.StartAsync();
        var oldTitle = await AnArticle("القنطرة الجديدة تفتح").WithBody("نص").SaveAsync(factory);
        var bodies = new List<int>();
        for (var i = 0; i < 4; i++)
            bodies.Add((await AnArticle($"خبر عادي {i}").WithBody("الحديث عن القنطرة في النص").SaveAsync(factory)).Id);
        var newTitle = await AnArticle("القنطرة تستقبل الزوار").WithBody("نص").SaveAsync(factory);

        var ranked = await RankedAsync("القنطرة", limit: 3);

        Assert.Equal([newTitle.Id, oldTitle.Id, bodies[3], bodies[2]], ranked);
        // The first page of two results needs two rows of each ranking, no more.
        Assert.Equal([newTitle.Id, oldTitle.Id, bodies[3]], await RankedAsync("القنطرة", limit: 3, needed: 2));
    }

    [SkippableFact]
    public async Task Under_the_limit_every_match_is_ranked_by_relevance_title_above_body()
    {
        await factory.StartAsync();
        var inTitle = await AnArticle("الفسيفساء في المتحف").WithBody("نص").SaveAsync(factory);
        var inBody = await AnArticle("خبر ثقافي").WithBody("معرض الفسيفساء").SaveAsync(factory);

        Assert.Equal([inTitle.Id, inBody.Id], await RankedAsync("الفسيفساء", limit: 10));
    }
}
