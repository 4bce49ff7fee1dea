using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Comments;

public enum PostOutcome
{
    Stored,
    Duplicate,
}

/// <summary>Stores a validated comment for moderation: never public until a moderator approves it.</summary>
public sealed class CommentPosting(MadarDb db, EmailProtector emails, TimeProvider clock, IOptions<CommentsOptions> options, ILogger<CommentPosting> log)
{
    /// <summary>Who sent it, kept for moderation only.</summary>
    public sealed record Sender(string? IpAddress, string? UserAgent);

    /// <param name="input">Normalised and valid (<see cref="CommentInput.Normalize"/>, <see cref="CommentInput.Validate"/>).</param>
    public async Task<PostOutcome> PostAsync(int articleId, CommentInput input, Sender sender, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var emailHash = emails.Hash(input.Email!);
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
                return PostOutcome.Duplicate;
            }
        }

        var comment = new Comment
        {
            ArticleId = articleId,
            Author = input.Author!,
            Url = string.IsNullOrEmpty(input.Url) ? null : input.Url,
            Text = input.Comment!,
            EmailProtected = emails.Protect(input.Email!),
            EmailHash = emailHash,
            Status = status,
            CreatedAt = now,
            IpAddress = sender.IpAddress,
            UserAgent = sender.UserAgent is { Length: > Comment.UserAgentMaxLength } ua ? ua[..Comment.UserAgentMaxLength] : sender.UserAgent,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Stored comment {CommentId} on article {ArticleId} as {Status}", comment.Id, articleId, status);
        return PostOutcome.Stored;
    }
}
