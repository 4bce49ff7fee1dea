using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Models;

namespace Madar21.Tests.Pages.Admin.Comments;

/// <summary>Moderating replies (the parent beside each), and the setting that publishes known commenters at once.</summary>
public class ThreadModerationTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private async Task<(Article Article, string Path)> ArticleAsync()
    {
        await factory.StartAsync();
        var article = await AnArticle("مقال للمراجعة " + Guid.NewGuid().ToString("N")[..8]).Published().SaveAsync(factory);
        return (article, CommentTestKit.PathOf(article));
    }

    private static string NewEmail() => $"reader-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task The_queue_shows_the_parent_comment_beside_a_reply()
    {
        var (article, _) = await ArticleAsync();
        var parent = await AComment("السؤال الأصلي عن المقال").On(article).By("ليلى").Approved().SaveAsync(factory);
        var reply = await AComment("جواب على السؤال").ReplyTo(parent).By("سعيد").SaveAsync(factory);
        var top = await AComment("تعليق مستقل").On(article).SaveAsync(factory);
        var moderator = await factory.SignedInAsEditorAsync();

        var queue = await moderator.GetPageAsync("/admin/comments");
        var context = queue.GetElementById($"comment-{reply.Id}")!.QuerySelector(".admin-parent")!;
        Assert.Contains("ليلى", context.Text());
        Assert.Contains("السؤال الأصلي عن المقال", context.Text());
        Assert.Null(queue.GetElementById($"comment-{top.Id}")!.QuerySelector(".admin-parent"));
    }

    [Fact]
    public async Task Known_commenters_wait_like_everyone_while_the_setting_is_off_and_are_published_at_once_when_on()
    {
        var (article, path) = await ArticleAsync();
        var known = NewEmail();
        await AComment("تعليق سابق وافق عليه مشرف").On(article).By("معروف", known).Approved().SaveAsync(factory);
        var moderator = await factory.SignedInAsEditorAsync();
        var settings = (await moderator.GetPageAsync("/admin/comments")).Form("#autoApprove");
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)settings.QuerySelector("#autoApprove")!).IsChecked); // off by default

        async Task<(HttpResponseMessage Response, Comment Stored)> PostAsync(string email)
        {
            var values = CommentTestKit.ValidValues();
            values["email"] = email;
            var response = await factory.NewClient().PostCommentAsync(path, values);
            return (response, await factory.CommentWithTextAsync(values["comment"]!));
        }

        var (_, waiting) = await PostAsync(known);
        Assert.Equal(CommentStatus.Pending, waiting.Status);

        var saved = await moderator.SubmitAsync(settings.Fill(new Dictionary<string, string> { ["autoApprove"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)(await moderator.GetPageAsync("/admin/comments")).QuerySelector("#autoApprove")!).IsChecked);

        var (published, stored) = await PostAsync(known.ToUpperInvariant()); // the same address, however it is typed
        Assert.Equal(CommentStatus.Approved, stored.Status);
        Assert.EndsWith($"#comment-{stored.Id}", published.Headers.Location!.ToString());
        Assert.NotNull((await factory.NewClient().GetPageAsync(path)).GetElementById($"comment-{stored.Id}"));

        var (_, stranger) = await PostAsync(NewEmail());
        Assert.Equal(CommentStatus.Pending, stranger.Status);

        // Off again: the known commenter waits again.
        var form = (await moderator.GetPageAsync("/admin/comments")).Form("#autoApprove");
        await moderator.SubmitAsync(form.Fill(new Dictionary<string, string> { ["autoApprove"] = "false" }));
        var (_, again) = await PostAsync(known);
        Assert.Equal(CommentStatus.Pending, again.Status);
    }
}
