using AngleSharp.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Pages;

/// <summary>How many readers are talking about a story: approved comments only, on the cards and the article heading, never stale in the cache.</summary>
public class CommentCountTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private async Task<(Article Article, string SectionPath)> ArticleInOwnSectionAsync()
    {
        var section = "قسم " + Guid.NewGuid().ToString("N")[..8];
        var article = await AnArticle("مقال للتعليقات " + Guid.NewGuid().ToString("N")[..8]).InSection(section).Published().SaveAsync(factory);
        return (article, "/section/" + Uri.EscapeDataString(section));
    }

    private async Task<int[]> AddCommentsAsync(int articleId, params CommentStatus[] statuses)
    {
        var ids = new List<int>();
        foreach (var (status, i) in statuses.Select((status, i) => (status, i)))
            ids.Add((await AComment($"تعليق {Guid.NewGuid():N}").By($"قارئ {i}").On(articleId).WithStatus(status).SaveAsync(factory)).Id);
        return [.. ids];
    }

    private static string CardCount(IParentNode doc, Article article) =>
        doc.QuerySelectorAll("article.card")
            .Single(card => card.QuerySelector(".card-title a")!.GetAttribute("href") == CommentTestKit.PathOf(article))
            .QuerySelector(".comment-count")!.Text();

    [Fact]
    public async Task Cards_and_the_article_heading_count_approved_comments_only()
    {
        var client = await factory.StartAsync();
        var (article, sectionPath) = await ArticleInOwnSectionAsync();
        await AddCommentsAsync(article.Id, CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Pending, CommentStatus.Spam, CommentStatus.Trash);

        Assert.Equal("تعليقان", CardCount(await client.GetPageAsync(sectionPath), article));
        // The newest article leads the home page, outside the cards.
        Assert.Equal("تعليقان", (await client.GetPageAsync("/")).QuerySelector(".lead .comment-count")!.Text());
        var page = await client.GetPageAsync(CommentTestKit.PathOf(article));
        var heading = page.QuerySelector(".article-header .comment-count")!;
        Assert.Equal("تعليقان", heading.Text());
        Assert.Equal("#comments", heading.GetAttribute("href"));
        Assert.Equal("تعليقان", page.GetElementById("comments-title")!.Text());
    }

    [Fact]
    public async Task An_article_without_comments_says_so()
    {
        var client = await factory.StartAsync();
        var (article, sectionPath) = await ArticleInOwnSectionAsync();
        Assert.Equal("لا تعليقات", CardCount(await client.GetPageAsync(sectionPath), article));
    }

    [Fact]
    public async Task Cached_lists_are_evicted_when_the_approved_count_changes_and_only_then()
    {
        var client = await factory.StartAsync();
        var (article, sectionPath) = await ArticleInOwnSectionAsync();
        await client.GetAsync(sectionPath);
        Assert.NotNull((await client.GetAsync(sectionPath)).Headers.Age);

        // A comment waiting for moderation changes no count: the list stays cached.
        var ids = await AddCommentsAsync(article.Id, CommentStatus.Pending);
        Assert.NotNull((await client.GetAsync(sectionPath)).Headers.Age);

        await factory.ApproveAsync(ids);
        var afterApproval = await client.GetAsync(sectionPath);
        Assert.Null(afterApproval.Headers.Age);
        Assert.Equal("تعليق واحد", CardCount(await afterApproval.ParsePageAsync(), article));
        Assert.NotNull((await client.GetAsync(sectionPath)).Headers.Age);

        await factory.WithService<int, CommentModeration>(m => m.TrashAsync(ids, "moderator"));
        var afterTrash = await client.GetAsync(sectionPath);
        Assert.Null(afterTrash.Headers.Age);
        Assert.Equal("لا تعليقات", CardCount(await afterTrash.ParsePageAsync(), article));
    }
}
