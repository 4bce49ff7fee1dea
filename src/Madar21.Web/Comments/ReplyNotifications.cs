using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Email;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Comments;

/// <summary>
/// «أعلمني بالردود»: when a reply is approved (by a moderator, or at once for a known commenter), the author of the
/// comment it answers gets one email, if they asked for it, the comment is still public, and the reply is not their
/// own. Each reply is told once (<see cref="Comment.ReplyNotified"/>), however often it is approved again.
/// </summary>
public sealed class ReplyNotifications(MadarDb db, Outbox outbox, EmailProtector emails, SiteUrls urls, ReplyUnsubscribe unsubscribe,
    LinkGenerator links, ILogger<ReplyNotifications> log)
{
    /// <summary>Queues the emails for these comments, now approved and saved; the caller saves again and flushes the outbox.</summary>
    public async Task QueueAsync(IReadOnlyCollection<Comment> approved, CancellationToken ct)
    {
        var replies = approved.Where(c => c.ParentId is not null && !c.ReplyNotified && c.Status == CommentStatus.Approved).ToList();
        if (replies.Count == 0) return;
        var parentIds = replies.Select(r => r.ParentId!.Value).Distinct().ToList();
        var parents = await db.Comments.AsNoTracking()
            .Where(p => parentIds.Contains(p.Id) && p.NotifyReplies && p.Status == CommentStatus.Approved)
            .Select(p => new { p.Id, p.EmailProtected, p.EmailHash, p.Article!.Title, p.Article.Slug, p.ArticleId })
            .ToDictionaryAsync(p => p.Id, ct);
        foreach (var reply in replies)
        {
            reply.ReplyNotified = true;
            if (!parents.TryGetValue(reply.ParentId!.Value, out var parent) || parent.EmailHash == reply.EmailHash) continue;
            var replyUrl = urls.Absolute(ArticleQueries.UrlOf(parent.ArticleId, parent.Slug) + $"#comment-{reply.Id}");
            var stopUrl = urls.Absolute(links.GetPathByPage("/Comments/Unsubscribe", values: new { token = unsubscribe.TokenFor(parent.Id) })!);
            var email = new ArabicEmail($"ردّ جديد على تعليقك في «{parent.Title}»")
                .Paragraph($"مرحباً، وصل ردّ جديد على تعليقك في مقال «{parent.Title}» على {SiteOptions.Name}:")
                .Quote(reply.Author, reply.Text)
                .Link("اقرأ الردّ في المقال", replyUrl)
                .Paragraph("وصلتك هذه الرسالة لأنك طلبت إعلامك بالردود على تعليقك.")
                .Link("إيقاف الإشعارات بالردود على هذا التعليق", stopUrl);
            outbox.Add(emails.Unprotect(parent.EmailProtected), email, stopUrl);
            log.LogInformation("Queued a reply email for comment {CommentId} about reply {ReplyId}", parent.Id, reply.Id);
        }
    }
}
