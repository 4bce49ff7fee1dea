using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Admin;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Madar21.Tests.Email;

/// <summary>
/// The emails the site sends, received by a real SMTP server on 127.0.0.1 (<see cref="SmtpTestServer"/>): the
/// moderators' digest of held comments, the reply notice and its unsubscribe link, retries, and the .eml folder
/// used when no server is configured. Sending is in the background: the tests wait for the server, in real time.
/// </summary>
public class NotificationEmailTests : IDisposable
{
    private readonly SmtpTestServer _smtp = new();
    private readonly CommentsFactory _factory = new();

    public NotificationEmailTests()
    {
        _factory.With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", _smtp.Port.ToString())
            .With("Email:Smtp:Security", "None").With("Email:Smtp:From", "مدار21 <news@madar21.test>")
            .With("Email:ModerationDigestInterval", "00:10:00");
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(Article Article, string Path)> StartAsync(bool server = true)
    {
        SmtpTestServer.RequireAiosmtpd();
        if (server) await _smtp.StartAsync();
        await _factory.StartAsync();
        var article = await AnArticle("مقال النقاش " + Guid.NewGuid().ToString("N")[..6]).Published().SaveAsync(_factory);
        return (article, CommentTestKit.PathOf(article));
    }

    private Task<List<OutgoingEmail>> OutboxAsync() =>
        _factory.WithDb(db => db.OutgoingEmails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private static string Recipient(MimeMessage m) => ((MailboxAddress)m.To.Single()).Address;

    private static void AssertArabicRightToLeft(MimeMessage message)
    {
        Assert.NotNull(message.TextBody);
        var html = Html.Parse(message.HtmlBody!);
        Assert.Equal(("ar", "rtl"), (html.DocumentElement.GetAttribute("lang"), html.DocumentElement.GetAttribute("dir")));
        Assert.Equal("ar", message.Body!.Headers["Content-Language"]);
    }

    [SkippableFact]
    public async Task Held_comments_reach_each_moderator_in_one_digest_at_most_every_interval()
    {
        var (_, path) = await StartAsync();
        await _factory.CreateStaffAsync("editor@madar21.test", StaffRoles.Editor);
        await _factory.CreateStaffAsync("admin@madar21.test", StaffRoles.Admin);
        var commenter = "private.reader@example.ma";

        var first = CommentTestKit.ValidValues("أول تعليق ينتظر المراجعة");
        first["email"] = commenter;
        Assert.Equal(HttpStatusCode.SeeOther, (await _factory.NewClient().PostCommentAsync(path, first)).StatusCode);

        var digests = await _smtp.WaitForAsync(2);
        Assert.Equal(["admin@madar21.test", "editor@madar21.test"], digests.Select(Recipient).Order());
        var digest = digests[0];
        Assert.Contains("بانتظار المراجعة", digest.Subject);
        Assert.Contains("أول تعليق ينتظر المراجعة", digest.TextBody);
        Assert.Contains("http://localhost/admin/comments", digest.TextBody);
        Assert.Equal("news@madar21.test", ((MailboxAddress)digest.From.Single()).Address);
        AssertArabicRightToLeft(digest);
        CommentTestKit.AssertNoTraceOf(commenter, digest.ToString(), "the digest");

        // A second one within the interval waits for it to end.
        var second = CommentTestKit.ValidValues("ثاني تعليق في الفترة نفسها");
        await _factory.NewClient().PostCommentAsync(path, second);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await OutboxAsync()).Count);

        _factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var all = await _smtp.WaitForAsync(4);
        Assert.Equal(4, all.Count);
        Assert.All(all.Skip(2), m => Assert.Contains("ثاني تعليق في الفترة نفسها", m.TextBody));
        Assert.All(all.Skip(2), m => Assert.DoesNotContain("أول تعليق", m.TextBody));
        CommentTestKit.AssertNoTraceOf(commenter, _factory.Logs.AllText, "the log");
    }

    [SkippableFact]
    public async Task An_approved_reply_sends_one_email_to_the_commenter_who_asked_with_a_link_that_stops_them()
    {
        var (article, path) = await StartAsync();
        var asker = "asker@example.ma";
        var parent = await AComment("سؤالي عن المقال").On(article).By("ليلى", asker).Approved().NotifyingReplies().SaveAsync(_factory);
        var quiet = await AComment("لا أريد رسائل").On(article).By("هادئ", "quiet@example.ma").Approved().SaveAsync(_factory);

        var reader = _factory.NewClient();
        var form = (await reader.GetPageAsync($"{path}?replytocom={parent.Id}")).CommentForm();
        await reader.SubmitAsync(form.Fill(new Dictionary<string, string> { ["comment"] = "هذا جوابي", ["author"] = "سعيد", ["email"] = "said@example.ma" }));
        var reply = await _factory.CommentWithTextAsync("هذا جوابي");
        Assert.Empty(await OutboxAsync()); // nothing before a moderator approves it
        var toQuiet = await AComment("رد على الهادئ").ReplyTo(quiet).SaveAsync(_factory);
        var ownReply = await AComment("أضيف إلى سؤالي").ReplyTo(parent).By("ليلى", asker).SaveAsync(_factory);

        await _factory.ApproveAsync(reply.Id, toQuiet.Id, ownReply.Id);
        var message = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(asker, Recipient(message));
        Assert.Contains(article.Title, message.Subject);
        Assert.Contains("هذا جوابي", message.TextBody);
        Assert.Contains("هذا جوابي", message.HtmlBody);
        Assert.Contains($"http://localhost{path}#comment-{reply.Id}", message.TextBody);
        AssertArabicRightToLeft(message);
        CommentTestKit.AssertNoTraceOf("said@example.ma", message.ToString(), "the reply email");

        // Approved again (after being taken off), it is not told twice.
        await _factory.WithService<int, CommentModeration>(m => m.RestoreAsync([reply.Id], "moderator"));
        await _factory.ApproveAsync(reply.Id);
        Assert.Single(await OutboxAsync());

        // The unsubscribe link works without signing in; opening it changes nothing, the button does.
        var link = message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        Assert.Contains(link, message.TextBody);
        var stranger = _factory.NewClient();
        var page = await stranger.GetPageAsync(link);
        Assert.True(await _factory.WithDb(db => db.Comments.Where(c => c.Id == parent.Id).Select(c => c.NotifyReplies).SingleAsync()));
        var stopped = await stranger.SubmitAsync(page.Form("main form"));
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.False(await _factory.WithDb(db => db.Comments.Where(c => c.Id == parent.Id).Select(c => c.NotifyReplies).SingleAsync()));
        Assert.Contains("لن تصلك رسائل أخرى", (await stranger.GetPageAsync(link)).QuerySelector("main")!.TextContent);

        var later = await AComment("رد بعد الإيقاف").ReplyTo(parent).SaveAsync(_factory);
        await _factory.ApproveAsync(later.Id);
        Assert.Single(await OutboxAsync());

        // A made-up or altered token opens nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync("/comments/unsubscribe?token=" + link[^10..])).StatusCode);
        CommentTestKit.AssertNoTraceOf(asker, _factory.Logs.AllText, "the log");
    }

    [SkippableFact]
    public async Task A_message_the_server_cannot_take_is_tried_again_later_and_delivered()
    {
        var (article, _) = await StartAsync(server: false);
        var parent = await AComment("سؤال").On(article).By("ليلى", "asker@example.ma").Approved().NotifyingReplies().SaveAsync(_factory);
        var reply = await AComment("جواب").ReplyTo(parent).SaveAsync(_factory);

        await _factory.ApproveAsync(reply.Id); // the request is answered at once: sending is not part of it
        var until = DateTime.UtcNow.AddSeconds(20);
        while ((await OutboxAsync()).Single().Attempts == 0 && DateTime.UtcNow < until) await Task.Delay(100);
        var failed = (await OutboxAsync()).Single();
        Assert.Equal((OutgoingEmailStatus.Queued, 1), (failed.Status, failed.Attempts));
        Assert.Equal(failed.CreatedAt + TimeSpan.FromMinutes(1), failed.NextAttemptAt);

        await _smtp.StartAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("asker@example.ma", Recipient(Assert.Single(await _smtp.WaitForAsync(1))));
        until = DateTime.UtcNow.AddSeconds(5);
        while ((await OutboxAsync()).Single().Status != OutgoingEmailStatus.Sent && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.Equal((OutgoingEmailStatus.Sent, 2), ((await OutboxAsync()).Single().Status, (await OutboxAsync()).Single().Attempts));
        CommentTestKit.AssertNoTraceOf("asker@example.ma", _factory.Logs.AllText, "the log");
    }
}

/// <summary>With no SMTP server configured, messages are written as .eml files to the mail folder.</summary>
public class PickupFolderTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    [Fact]
    public async Task Without_an_SMTP_server_each_message_is_an_eml_file_in_the_mail_folder()
    {
        await factory.StartAsync();
        var article = await AnArticle("مقال بلا خادم بريد " + Guid.NewGuid().ToString("N")[..6]).Published().SaveAsync(factory);
        var parent = await AComment("سؤال").On(article).By("ليلى", "asker@example.ma").Approved().NotifyingReplies().SaveAsync(factory);
        var reply = await AComment("جواب من غير خادم").ReplyTo(parent).SaveAsync(factory);

        await factory.ApproveAsync(reply.Id);
        var until = DateTime.UtcNow.AddSeconds(20);
        string[] files = [];
        while (DateTime.UtcNow < until && (files = Directory.Exists(factory.MailFolder) ? Directory.GetFiles(factory.MailFolder, "*.eml") : []).Length == 0)
            await Task.Delay(100);

        var message = MimeMessage.Load(Assert.Single(files));
        Assert.Equal("asker@example.ma", ((MailboxAddress)message.To.Single()).Address);
        Assert.Contains("جواب من غير خادم", message.TextBody);
        Assert.Contains("جواب من غير خادم", message.HtmlBody);
        Assert.Empty(Directory.GetFiles(factory.MailFolder, "*.partial"));
    }
}

/// <summary>A privacy request erases the emails kept for that address along with its comments.</summary>
public class EraseOutboxTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    [Fact]
    public async Task Erasing_a_commenters_data_deletes_the_emails_kept_for_that_address_and_only_those()
    {
        await factory.StartAsync();
        var article = await AnArticle("مقال للمحو " + Guid.NewGuid().ToString("N")[..6]).Published().SaveAsync(factory);
        var erased = await AComment("سؤال أول").On(article).By("ليلى", "Erase.Me@example.ma").Approved().NotifyingReplies().SaveAsync(factory);
        var kept = await AComment("سؤال ثان").On(article).By("سعيد", "keep.me@example.ma").Approved().NotifyingReplies().SaveAsync(factory);
        var replies = new[] { await AComment("جواب أول").ReplyTo(erased).SaveAsync(factory), await AComment("جواب ثان").ReplyTo(kept).SaveAsync(factory) };
        await factory.ApproveAsync(replies.Select(r => r.Id).ToArray());
        Assert.Equal(2, await factory.WithDb(db => db.OutgoingEmails.CountAsync()));

        await factory.WithService<int, CommentModeration>(m => m.EraseByEmailAsync("erase.me@EXAMPLE.ma ", "moderator"));

        var left = await factory.WithDb(db => db.OutgoingEmails.AsNoTracking().ToListAsync());
        var protector = factory.Services.GetService(typeof(EmailProtector)) as EmailProtector;
        Assert.Equal(["keep.me@example.ma"], left.Select(m => protector!.Unprotect(m.ToProtected)));
    }
}
