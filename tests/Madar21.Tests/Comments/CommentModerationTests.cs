using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Comments;

public class CommentModerationTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private async Task<int> SeedArticleIdAsync()
    {
        await factory.StartAsync();
        return (await factory.SeedArticleAsync()).Id;
    }

    private async Task<int> ACommentAsync(int articleId, CommentStatus status = CommentStatus.Pending, string email = "reader@example.ma") =>
        (await AComment($"نص {Guid.NewGuid():N}").By("قارئ", email).On(articleId).WithStatus(status).SaveAsync(factory)).Id;

    private async Task<int> AnotherArticleAsync() =>
        (await AnArticle("مقال آخر").Published(TimeSpan.FromHours(1)).SaveAsync(factory)).Id;

    private Task<CommentStatus?> StatusOfAsync(int id) =>
        factory.WithDb(db => db.Comments.Where(c => c.Id == id).Select(c => (CommentStatus?)c.Status).SingleOrDefaultAsync());

    private Task<T> Moderate<T>(Func<CommentModeration, Task<T>> work) => factory.WithService(work);

    [Fact]
    public async Task Approve_changes_only_the_comments_not_yet_approved_and_says_how_many()
    {
        var article = await SeedArticleIdAsync();
        var pending = await ACommentAsync(article);
        var approved = await ACommentAsync(article, CommentStatus.Approved);

        Assert.Equal(1, await Moderate(m => m.ApproveAsync([pending, approved, 987654], "moderator")));
        Assert.Equal(CommentStatus.Approved, await StatusOfAsync(pending));
        Assert.Equal(CommentStatus.Approved, await StatusOfAsync(approved));
    }

    public static TheoryData<CommentStatus, CommentStatus> Transitions => new()
    {
        { CommentStatus.Pending, CommentStatus.Spam },
        { CommentStatus.Approved, CommentStatus.Spam },
        { CommentStatus.Pending, CommentStatus.Trash },
        { CommentStatus.Approved, CommentStatus.Trash },
        { CommentStatus.Spam, CommentStatus.Pending },
        { CommentStatus.Trash, CommentStatus.Pending },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Spam_trash_and_restore_move_a_comment_between_statuses(CommentStatus from, CommentStatus to)
    {
        var article = await SeedArticleIdAsync();
        var id = await ACommentAsync(article, from);

        var changed = await Moderate(m => to switch
        {
            CommentStatus.Spam => m.MarkSpamAsync([id], "moderator"),
            CommentStatus.Trash => m.TrashAsync([id], "moderator"),
            _ => m.RestoreAsync([id], "moderator"),
        });

        Assert.Equal(1, changed);
        Assert.Equal(to, await StatusOfAsync(id));
    }

    [Fact]
    public async Task Only_approved_comments_reach_the_article_page()
    {
        var article = await SeedArticleIdAsync();
        var ids = new Dictionary<CommentStatus, int>();
        foreach (var status in Enum.GetValues<CommentStatus>())
            ids[status] = await ACommentAsync(article, status);

        var doc = await factory.NewClient().GetPageAsync(CommentTestKit.PathOf(await factory.SeedArticleAsync()));

        Assert.NotNull(doc.GetElementById($"comment-{ids[CommentStatus.Approved]}"));
        Assert.Null(doc.GetElementById($"comment-{ids[CommentStatus.Pending]}"));
        Assert.Null(doc.GetElementById($"comment-{ids[CommentStatus.Spam]}"));
        Assert.Null(doc.GetElementById($"comment-{ids[CommentStatus.Trash]}"));

        await Moderate(m => m.TrashAsync([ids[CommentStatus.Approved]], "moderator"));
        doc = await factory.NewClient().GetPageAsync(CommentTestKit.PathOf(await factory.SeedArticleAsync()));
        Assert.Null(doc.GetElementById($"comment-{ids[CommentStatus.Approved]}"));
    }

    [Fact]
    public async Task Delete_removes_the_rows()
    {
        var article = await SeedArticleIdAsync();
        var first = await ACommentAsync(article, CommentStatus.Spam);
        var second = await ACommentAsync(article, CommentStatus.Trash);
        var kept = await ACommentAsync(article);

        Assert.Equal(2, await Moderate(m => m.DeleteAsync([first, second], "moderator")));
        Assert.Null(await StatusOfAsync(first));
        Assert.Null(await StatusOfAsync(second));
        Assert.Equal(CommentStatus.Pending, await StatusOfAsync(kept));
    }

    [Fact]
    public async Task Erasing_an_address_deletes_every_comment_left_with_it_on_every_article_and_nothing_else()
    {
        var article = await SeedArticleIdAsync();
        var other = await AnotherArticleAsync();
        const string email = "Privacy.Request@Example.ma";
        var theirs = new[]
        {
            await ACommentAsync(article, CommentStatus.Approved, email),
            await ACommentAsync(article, CommentStatus.Spam, "privacy.request@example.ma"),
            await ACommentAsync(other, CommentStatus.Pending, " PRIVACY.REQUEST@EXAMPLE.MA"),
        };
        var someoneElse = await ACommentAsync(article, CommentStatus.Approved, "someone.else@example.ma");

        Assert.Equal(3, await Moderate(m => m.EraseByEmailAsync("privacy.request@example.ma ", "moderator")));

        foreach (var id in theirs) Assert.Null(await StatusOfAsync(id));
        Assert.Equal(CommentStatus.Approved, await StatusOfAsync(someoneElse));
        CommentTestKit.AssertNoTraceOf(email, factory.Logs.AllText, "the logs");
    }

    [Fact]
    public async Task Moderation_is_logged_with_ids_and_the_moderator_and_no_personal_data()
    {
        var article = await SeedArticleIdAsync();
        var id = await ACommentAsync(article, email: "logged.reader@example.ma");

        await Moderate(m => m.ApproveAsync([id], "editor-1"));

        Assert.True(factory.Logs.Lines.Any(l => l.Contains("editor-1") && l.Contains($"CommentId={id}") && l.Contains("Approved")), string.Join("\n", factory.Logs.Lines.Where(l => l.Contains("editor-1"))));
        CommentTestKit.AssertNoTraceOf("logged.reader@example.ma", factory.Logs.AllText, "the logs");
    }
}
