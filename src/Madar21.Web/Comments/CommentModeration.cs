using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Comments;

/// <summary>
/// The moderation rules, called by the admin pages. Changes go through tracked entities and SaveChanges so
/// that whatever listens to saved changes (page cache invalidation) sees them.
/// </summary>
public sealed class CommentModeration(MadarDb db, EmailProtector emails, AuditTrail audit, ReplyNotifications replies, Madar21.Web.Email.Outbox outbox,
    ILogger<CommentModeration> log)
{
    public Task<int> ApproveAsync(IReadOnlyCollection<int> ids, string staffId, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Approved, staffId, ct);

    public Task<int> MarkSpamAsync(IReadOnlyCollection<int> ids, string staffId, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Spam, staffId, ct);

    public Task<int> TrashAsync(IReadOnlyCollection<int> ids, string staffId, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Trash, staffId, ct);

    /// <summary>Back to the queue, from Spam or Trash.</summary>
    public Task<int> RestoreAsync(IReadOnlyCollection<int> ids, string staffId, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Pending, staffId, ct);

    public async Task<int> DeleteAsync(IReadOnlyCollection<int> ids, string staffId, CancellationToken ct = default)
    {
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        db.Comments.RemoveRange(comments);
        await db.SaveChangesAsync(ct);
        foreach (var c in comments)
        {
            audit.Add(AuditAction.CommentDeleted, $"comment {c.Id} on article {c.ArticleId}");
            log.LogInformation("Staff {UserId} deleted comment {CommentId} on article {ArticleId}", staffId, c.Id, c.ArticleId);
        }
        await db.SaveChangesAsync(ct);
        return comments.Count;
    }

    /// <summary>
    /// A privacy request: every comment left with this address is deleted, whatever its status, so that neither
    /// the address nor anything the person wrote stays on the server.
    /// </summary>
    public async Task<int> EraseByEmailAsync(string email, string staffId, CancellationToken ct = default)
    {
        var hash = emails.Hash(email);
        var comments = await db.Comments.Where(c => c.EmailHash == hash).ToListAsync(ct);
        db.Comments.RemoveRange(comments);
        // Emails to that address still kept (queued, or sent in the last days) hold it too. The queue is small and
        // its addresses are encrypted without a hash: each is decrypted and compared.
        var normalized = EmailProtector.Normalize(email);
        foreach (var mail in await db.OutgoingEmails.ToListAsync(ct))
            if (TryUnprotect(mail.ToProtected) is { } to && EmailProtector.Normalize(to) == normalized)
                db.OutgoingEmails.Remove(mail);
        await db.SaveChangesAsync(ct);
        // The address itself is never written down: not in the log, not in the audit log.
        await audit.RecordAsync(AuditAction.CommentsErased, $"{comments.Count} comments", ct: ct);
        log.LogInformation("Staff {UserId} erased {Count} comments for a privacy request", staffId, comments.Count);
        return comments.Count;
    }

    private string? TryUnprotect(string protectedEmail)
    {
        try { return emails.Unprotect(protectedEmail); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    private async Task<int> SetStatusAsync(IReadOnlyCollection<int> ids, CommentStatus status, string staffId, CancellationToken ct)
    {
        var comments = await db.Comments.Where(c => ids.Contains(c.Id) && c.Status != status).ToListAsync(ct);
        foreach (var c in comments) c.Status = status;
        await db.SaveChangesAsync(ct);
        foreach (var c in comments)
        {
            audit.Add(AuditAction.CommentModerated, $"comment {c.Id} on article {c.ArticleId}: {status}");
            log.LogInformation("Staff {UserId} set comment {CommentId} on article {ArticleId} to {Status}", staffId, c.Id, c.ArticleId, status);
        }
        if (status == CommentStatus.Approved) await replies.QueueAsync(comments, ct);
        await db.SaveChangesAsync(ct);
        if (status == CommentStatus.Approved) outbox.Flush();
        return comments.Count;
    }
}
