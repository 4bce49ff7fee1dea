using static Madar21.Tests.Infrastructure.CommentBuilder;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Articles;

/// <summary>«تعليقك بانتظار المراجعة» stands where the commenter's comment will appear: last in the list.</summary>
public class PendingNoticeTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    [Fact]
    public async Task The_notice_comes_after_the_approved_comments_where_the_new_one_will_be()
    {
        await factory.StartAsync();
        var article = await AnArticle("مقال عليه تعليقان " + Guid.NewGuid().ToString("N")[..6]).Published().SaveAsync(factory);
        for (var i = 0; i < 2; i++)
            await AComment($"تعليق {i}").On(article).By($"قارئ {i}").Approved().SaveAsync(factory);
        var commenter = factory.NewClient();
        var path = CommentTestKit.PathOf(article);
        await commenter.PostCommentAsync(path, CommentTestKit.ValidValues());

        var doc = await commenter.GetPageAsync(path);
        var items = doc.QuerySelectorAll(".comment-list > li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("تعليقك بانتظار المراجعة", items[^1].Text());
        Assert.Equal("status", items[^1].GetAttribute("role"));
        Assert.Equal("تعليقان", doc.GetElementById("comments-title")!.Text());
    }

    [Fact]
    public async Task On_an_article_without_comments_the_notice_is_not_under_no_comments()
    {
        await factory.StartAsync();
        var article = await AnArticle("مقال بلا تعليقات " + Guid.NewGuid().ToString("N")[..6]).Published().SaveAsync(factory);
        var commenter = factory.NewClient();
        var path = CommentTestKit.PathOf(article);
        await commenter.PostCommentAsync(path, CommentTestKit.ValidValues());

        var doc = await commenter.GetPageAsync(path);
        Assert.Equal("التعليقات", doc.GetElementById("comments-title")!.Text());
        Assert.Equal("تعليقك بانتظار المراجعة", doc.QuerySelector(".comment-list > li.comment-notice")!.Text());
        // Other readers still read that there are none.
        Assert.Equal("لا تعليقات", (await factory.NewClient().GetPageAsync(path)).GetElementById("comments-title")!.Text());
    }
}
