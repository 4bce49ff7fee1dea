using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Articles;

/// <summary>Threaded replies as readers know them from WordPress: «رد», ?replytocom=ID, nested to depth 3.</summary>
public class CommentReplyTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private async Task<(Article Article, string Path)> ArticleAsync()
    {
        await factory.StartAsync();
        var article = await AnArticle("مقال للردود " + Guid.NewGuid().ToString("N")[..8]).Published().SaveAsync(factory);
        return (article, CommentTestKit.PathOf(article));
    }

    private async Task<Comment> ApprovedAsync(string text, Article article, Comment? parent = null, string author = "قارئ")
    {
        var builder = AComment(text).On(article).By(author).Approved();
        if (parent is not null) builder = builder.ReplyTo(parent);
        var comment = await builder.SaveAsync(factory);
        factory.Clock.Advance(TimeSpan.FromSeconds(1)); // distinct times: "in order" is testable
        return comment;
    }

    private static IElement Item(IHtmlDocument doc, Comment c) =>
        doc.GetElementById($"comment-{c.Id}") ?? throw new InvalidOperationException($"comment {c.Id} is not shown");

    /// <summary>The comment whose reply list holds <paramref name="c"/>, or null at the top level.</summary>
    private static string? ShownUnder(IHtmlDocument doc, Comment c) =>
        Item(doc, c).ParentElement!.ClassList.Contains("children") ? Item(doc, c).ParentElement!.ParentElement!.Id : null;

    [Fact]
    public async Task Every_approved_comment_has_a_reply_link_whose_page_carries_the_parent_in_the_form()
    {
        var (article, path) = await ArticleAsync();
        var comment = await ApprovedAsync("تعليق يستحق الرد", article, author: "ليلى");
        var reader = factory.NewClient();
        await reader.GetAsync(path); // the plain page is now cached; the reply page must not be answered from it

        var link = Item(await reader.GetPageAsync(path), comment).QuerySelector("a.comment-reply-link")!;
        Assert.Equal($"{path}?replytocom={comment.Id}#respond", link.GetAttribute("href"));
        Assert.StartsWith("رد", link.Text());

        var page = await reader.GetPageAsync(link.GetAttribute("href")!.Split('#')[0]);
        Assert.Equal(comment.Id.ToString(), page.CommentForm().QuerySelector("input[name=comment_parent]")!.GetAttribute("value"));
        Assert.Equal("ردّ على ليلى", page.GetElementById("respond-title")!.Text());
        Assert.False(page.QuerySelector(".cancel-reply")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task A_reply_link_to_a_comment_that_cannot_be_answered_shows_the_ordinary_form()
    {
        var (article, path) = await ArticleAsync();
        var pending = await AComment("لم يُنشر بعد").On(article).SaveAsync(factory);

        foreach (var value in new[] { pending.Id.ToString(), "999999", "abc", "-3" })
        {
            var page = await factory.NewClient().GetPageAsync($"{path}?replytocom={value}");
            Assert.Equal("0", page.CommentForm().QuerySelector("input[name=comment_parent]")!.GetAttribute("value"));
            Assert.Equal("اترك تعليقاً", page.GetElementById("respond-title")!.Text());
        }
    }

    [Fact]
    public async Task A_reply_waits_for_moderation_with_its_notice_under_the_parent_then_shows_nested()
    {
        var (article, path) = await ArticleAsync();
        var parent = await ApprovedAsync("التعليق الأول", article);
        var other = await ApprovedAsync("تعليق آخر بعده", article);
        var reader = factory.NewClient();
        var form = (await reader.GetPageAsync($"{path}?replytocom={parent.Id}")).CommentForm();
        form.Fill(new Dictionary<string, string> { ["comment"] = "ردّي على التعليق الأول", ["author"] = "سعيد", ["email"] = "said@example.ma" });

        var posted = await reader.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.EndsWith("#pending-comment", posted.Headers.Location!.ToString());
        var reply = await factory.CommentWithTextAsync("ردّي على التعليق الأول");
        Assert.Equal((parent.Id, CommentStatus.Pending), (reply.ParentId, reply.Status));

        var own = await reader.GetPageAsync(path);
        var notice = own.GetElementById("pending-comment")!;
        Assert.Equal("تعليقك بانتظار المراجعة", notice.Text());
        Assert.Equal(parent.Id.ToString(), notice.ParentElement!.ParentElement!.Id!.Replace("comment-", ""));
        Assert.Null((await factory.NewClient().GetPageAsync(path)).GetElementById("pending-comment"));

        await factory.ApproveAsync(reply.Id);
        var page = await factory.NewClient().GetPageAsync(path);
        Assert.Equal($"comment-{parent.Id}", ShownUnder(page, reply));
        Assert.Null(ShownUnder(page, other));
        Assert.Contains("depth-2", Item(page, reply).ClassName);
        Assert.Equal($"#comment-{reply.Id}", Item(page, reply).QuerySelector("a.comment-permalink")!.GetAttribute("href"));
        Assert.Equal("3 تعليقات", page.GetElementById("comments-title")!.Text());
    }

    [Fact]
    public async Task Replies_nest_to_depth_three_deeper_ones_join_that_level_and_each_level_is_in_order()
    {
        var (article, path) = await ArticleAsync();
        var a = await ApprovedAsync("أ", article);
        var b = await ApprovedAsync("ب يرد على أ", article, a);
        var c = await ApprovedAsync("ج يرد على ب", article, b);
        var d = await ApprovedAsync("د يرد على ج", article, c);
        var e = await ApprovedAsync("هـ يرد على د", article, d);
        var b2 = await ApprovedAsync("ب٢ يرد على أ بعد ذلك", article, a);

        var page = await factory.NewClient().GetPageAsync(path);
        Assert.Null(ShownUnder(page, a));
        Assert.Equal($"comment-{a.Id}", ShownUnder(page, b));
        Assert.Equal($"comment-{b.Id}", ShownUnder(page, c));
        Assert.Equal($"comment-{b.Id}", ShownUnder(page, d)); // beside c, at depth 3
        Assert.Equal($"comment-{b.Id}", ShownUnder(page, e));
        Assert.Equal([$"comment-{c.Id}", $"comment-{d.Id}", $"comment-{e.Id}"],
            Item(page, b).QuerySelectorAll(":scope > ol.children > li").Select(li => li.Id));
        Assert.Equal([$"comment-{b.Id}", $"comment-{b2.Id}"], Item(page, a).QuerySelectorAll(":scope > ol.children > li").Select(li => li.Id));
        Assert.All([c, d, e], x => Assert.Contains("depth-3", Item(page, x).ClassName));
        Assert.Empty(page.QuerySelectorAll(".depth-4"));
        Assert.Equal(e.ParentId, d.Id); // stored as written: the author of d is the one answered
    }

    public static TheoryData<string> RefusedParents => new() { "pending", "other-article", "missing", "not-a-number" };

    [Theory]
    [MemberData(nameof(RefusedParents))]
    public async Task A_reply_to_a_comment_that_cannot_be_answered_is_refused_with_400_keeping_the_text(string kind)
    {
        var (article, path) = await ArticleAsync();
        var elsewhere = await AnArticle("مقال آخر " + Guid.NewGuid().ToString("N")[..8]).Published().SaveAsync(factory);
        var parent = kind switch
        {
            "pending" => (await AComment("بانتظار المراجعة").On(article).SaveAsync(factory)).Id.ToString(),
            "other-article" => (await ApprovedAsync("على مقال آخر", elsewhere)).Id.ToString(),
            "missing" => "987654",
            _ => "1 OR 1=1",
        };
        var before = await factory.CommentCountAsync();
        var text = "نص كتبته بعناية " + Guid.NewGuid().ToString("N")[..6];

        var response = await factory.NewClient().PostRawAsync(path, new Dictionary<string, string?>
        {
            ["comment"] = text, ["author"] = "سعيد", ["email"] = "said@example.ma", ["comment_parent"] = parent,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Contains(CommentInput.ParentRefusedMessage, page.QuerySelector(".form-errors")!.Text());
        Assert.Equal(text, ((IHtmlTextAreaElement)page.CommentForm().QuerySelector("textarea[name=comment]")!).Value);
        Assert.Equal("سعيد", page.CommentForm().QuerySelector<IHtmlInputElement>("input[name=author]")!.Value);
        Assert.Equal("0", page.CommentForm().QuerySelector("input[name=comment_parent]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.CommentCountAsync());
    }

    [Fact]
    public async Task A_trashed_parent_leaves_its_approved_replies_readable_under_a_placeholder()
    {
        var (article, path) = await ApprovedArticleWithThreadAsync();
        var page = await factory.NewClient().GetPageAsync(path);
        Assert.Equal("تعليقان", page.GetElementById("comments-title")!.Text());

        var parent = await factory.CommentWithTextAsync($"أصل {article.Id}");
        var reply = await factory.CommentWithTextAsync($"رد {article.Id}");
        await factory.WithService<int, CommentModeration>(m => m.TrashAsync([parent.Id], "moderator"));

        page = await factory.NewClient().GetPageAsync(path);
        Assert.Equal("تعليق محذوف", Item(page, parent).QuerySelector(".comment-deleted")!.Text());
        Assert.DoesNotContain($"أصل {article.Id}", page.QuerySelector("#comments")!.TextContent);
        Assert.Null(Item(page, parent).QuerySelector(":scope > .comment-reply"));
        Assert.Equal($"comment-{parent.Id}", ShownUnder(page, reply));
        Assert.Equal("تعليق واحد", page.GetElementById("comments-title")!.Text());

        // Without a public reply under it, nothing of it is left.
        await factory.WithService<int, CommentModeration>(m => m.TrashAsync([reply.Id], "moderator"));
        page = await factory.NewClient().GetPageAsync(path);
        Assert.True(page.GetElementById($"comment-{parent.Id}") is null, page.QuerySelector("#comments")!.OuterHtml);
        Assert.Equal("لا تعليقات", page.GetElementById("comments-title")!.Text());
    }

    [Fact]
    public async Task Deleting_a_parent_for_good_keeps_its_reply_at_the_top_level()
    {
        var (article, path) = await ApprovedArticleWithThreadAsync();
        var parent = await factory.CommentWithTextAsync($"أصل {article.Id}");
        var reply = await factory.CommentWithTextAsync($"رد {article.Id}");
        await factory.WithService<int, CommentModeration>(m => m.DeleteAsync([parent.Id], "moderator"));

        var page = await factory.NewClient().GetPageAsync(path);
        Assert.Null(ShownUnder(page, reply));
        Assert.Null((await factory.CommentWithTextAsync($"رد {article.Id}")).ParentId);
    }

    private async Task<(Article, string)> ApprovedArticleWithThreadAsync()
    {
        var (article, path) = await ArticleAsync();
        var parent = await ApprovedAsync($"أصل {article.Id}", article);
        await ApprovedAsync($"رد {article.Id}", article, parent);
        return (article, path);
    }
}
