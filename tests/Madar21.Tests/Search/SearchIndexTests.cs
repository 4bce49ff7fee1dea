using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Search;

/// <summary>The index follows every article change made through SaveChanges, in the same transaction.</summary>
public class SearchIndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private async Task<bool> FoundAsync(string query, Article article)
    {
        var client = factory.NewClient();
        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParsePageAsync();
        return doc.QuerySelectorAll(".search-results a").Any(a => a.GetAttribute("href") == PathOf(article));
    }

    [SkippableFact]
    public async Task A_draft_is_never_found()
    {
        await factory.StartAsync();
        var draft = await AnArticle("مسودة عن الكسوف").WithBody("الكسوف").Draft().SaveAsync(factory);

        Assert.False(await FoundAsync("الكسوف", draft));
    }

    [SkippableFact]
    public async Task A_just_published_article_is_found_without_a_restart()
    {
        await factory.StartAsync();
        var article = await AnArticle("مسودة عن الخسوف").WithBody("الخسوف").Draft().SaveAsync(factory);
        Assert.False(await FoundAsync("الخسوف", article));

        await UpdateAsync(factory, article.Id, a => { a.Status = ArticleStatus.Published; a.PublishedAt = factory.Clock.GetUtcNow().UtcDateTime; });

        Assert.True(await FoundAsync("الخسوف", article));
    }

    [SkippableFact]
    public async Task An_unpublished_article_disappears()
    {
        await factory.StartAsync();
        var article = await AnArticle("خبر عن الإعصار").WithBody("الإعصار").Published().SaveAsync(factory);
        Assert.True(await FoundAsync("الاعصار", article));

        await UpdateAsync(factory, article.Id, a => a.Status = ArticleStatus.Draft);

        Assert.False(await FoundAsync("الاعصار", article));
    }

    [SkippableFact]
    public async Task A_deleted_article_disappears()
    {
        await factory.StartAsync();
        var article = await AnArticle("خبر عن الفيضان").WithBody("الفيضان").Published().SaveAsync(factory);
        Assert.True(await FoundAsync("الفيضان", article));

        await factory.WithDb(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == article.Id));
            await db.SaveChangesAsync();
        });

        Assert.False(await FoundAsync("الفيضان", article));
    }

    [SkippableFact]
    public async Task An_edit_is_searchable_at_once_and_the_old_words_are_gone()
    {
        await factory.StartAsync();
        var article = await AnArticle("خبر عن الجفاف").WithBody("الجفاف").Published().SaveAsync(factory);

        await UpdateAsync(factory, article.Id, a => { a.Title = "خبر عن الأمطار"; a.BodyMarkdown = "الأمطار الغزيرة"; });

        Assert.True(await FoundAsync("الغزيرة", article));
        Assert.False(await FoundAsync("الجفاف", article));
    }

    [SkippableFact]
    public async Task A_scheduled_article_is_found_once_its_time_has_come()
    {
        await factory.StartAsync();
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var article = await AnArticle("موعد مع التسونامي").WithBody("التسونامي").ScheduledAt(at).SaveAsync(factory);
        Assert.False(await FoundAsync("التسونامي", article));

        factory.Clock.Advance(TimeSpan.FromHours(2));

        Assert.True(await FoundAsync("التسونامي", article));
    }

    [SkippableFact]
    public async Task A_failed_save_leaves_the_index_untouched()
    {
        await factory.StartAsync();
        var article = await AnArticle("خبر عن الحريق").WithBody("الحريق").Published().SaveAsync(factory);

        // The title breaks no rule of the index but the section does not exist: the article save fails, so must the index change.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => factory.WithDb(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Title = "خبر عن العاصفة";
            tracked.SectionId = 999_999;
            await db.SaveChangesAsync();
        }));

        Assert.True(await FoundAsync("الحريق", article));
        Assert.False(await FoundAsync("العاصفة", article));
    }

    [SkippableFact]
    public async Task Rebuild_restores_an_emptied_index()
    {
        await factory.StartAsync();
        var article = await AnArticle("خبر عن الجراد").WithBody("الجراد").Published().SaveAsync(factory);
        await factory.WithDb(db => db.Database.ExecuteSqlRawAsync(factory.Provider == "Postgres"
            ? "DELETE FROM \"ArticleSearch\""
            : "INSERT INTO ArticleSearch(ArticleSearch) VALUES ('delete-all')"));
        Assert.False(await FoundAsync("الجراد", article));

        var indexed = await factory.WithService<int, IArticleSearch>(search => factory.WithDb(db => search.RebuildAsync(db, CancellationToken.None)));

        Assert.True(indexed >= 2);
        Assert.True(await FoundAsync("الجراد", article));
    }

    [SkippableFact]
    public async Task A_context_built_by_hand_keeps_the_index_current_too()
    {
        await factory.StartAsync();
        Article article;
        await using (var db = await factory.ContextByHandAsync())
        {
            article = AnArticle("خبر عن الصقيع").WithBody("الصقيع").Published(TimeSpan.FromMinutes(1)).AddTo(db, factory.Clock.GetUtcNow().UtcDateTime);
            db.SaveChanges(); // the synchronous path as well
        }

        Assert.True(await FoundAsync("الصقيع", article));
    }
}
