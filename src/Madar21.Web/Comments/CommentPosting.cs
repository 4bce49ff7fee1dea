using Madar21.Web.Data;
using Madar21.Web.Email;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Comments;

public enum PostOutcome
{
    /// <summary>Stored, waiting for a moderator (or as Spam, which the sender must not learn).</summary>
    Held,
    /// <summary>Stored and public at once: a known commenter, with <see cref="ModerationSettings"/> allowing it.</summary>
    Published,
    Duplicate,
    /// <summary>A reply to a comment that does not exist, is not approved, or is on another article.</summary>
    ParentRefused,
}

/// <param name="CommentId">The stored comment's id, for Held and Published.</param>
public sealed record PostResult(PostOutcome Outcome, int? CommentId = null);

/// <summary>Stores a validated comment: held for moderation unless its author is known and the setting allows it.</summary>
public sealed class CommentPosting(MadarDb db, EmailProtector emails, TimeProvider clock, IOptions<CommentsOptions> options,
    ModerationSettings settings, ReplyNotifications replies, Outbox outbox, ModerationDigest digest, ILogger<CommentPosting> log)
{
    /// <summary>Who sent it, kept for moderation only.</summary>
    public sealed record Sender(string? IpAddress, string? UserAgent);

    /// <param name="input">Normalised and valid (<see cref="CommentInput.Normalize"/>, <see cref="CommentInput.Validate"/>).</param>
    public async Task<PostResult> PostAsync(int articleId, CommentInput input, Sender sender, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var emailHash = emails.Hash(input.Email!);

        if (input.ParentId is { } parentId && !await db.Comments.RepliableOn(articleId).AnyAsync(c => c.Id == parentId, ct))
        {
            log.LogInformation("Refused a reply to comment {ParentId} on article {ArticleId}", parentId, articleId);
            return new(PostOutcome.ParentRefused);
        }

        var status = input.IsBot ? CommentStatus.Spam : CommentStatus.Pending;
        // A bot is answered like everyone else, duplicate or not: it must not learn what gave it away.
        if (status == CommentStatus.Pending)
        {
            var since = now - options.Value.DuplicateWindow;
            var duplicate = await db.Comments.AsNoTracking().AnyAsync(c =>
                c.ArticleId == articleId && c.EmailHash == emailHash && c.Text == input.Comment && c.CreatedAt >= since, ct);
            if (duplicate)
            {
                log.LogInformation("Refused a duplicate comment on article {ArticleId}", articleId);
                return new(PostOutcome.Duplicate);
            }
            if (await settings.AutoApprovesKnownCommentersAsync(ct)
                && await db.Comments.AnyAsync(c => c.EmailHash == emailHash && c.Status == CommentStatus.Approved, ct))
                status = CommentStatus.Approved;
        }

        var comment = new Comment
        {
            ArticleId = articleId,
            ParentId = input.ParentId,
            Author = input.Author!,
            Url = string.IsNullOrEmpty(input.Url) ? null : input.Url,
            Text = input.Comment!,
            EmailProtected = emails.Protect(input.Email!),
            EmailHash = emailHash,
            NotifyReplies = input.WantsReplyEmails,
            Status = status,
            CreatedAt = now,
            IpAddress = sender.IpAddress,
            UserAgent = sender.UserAgent is { Length: > Comment.UserAgentMaxLength } ua ? ua[..Comment.UserAgentMaxLength] : sender.UserAgent,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Stored comment {CommentId} on article {ArticleId} as {Status}", comment.Id, articleId, status);

        if (status == CommentStatus.Pending) digest.CommentHeld();
        if (status != CommentStatus.Approved) return new(PostOutcome.Held, comment.Id);
        await replies.QueueAsync([comment], ct);
        await db.SaveChangesAsync(ct);
        outbox.Flush();
        return new(PostOutcome.Published, comment.Id);
    }
}
