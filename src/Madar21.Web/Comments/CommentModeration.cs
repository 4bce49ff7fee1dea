using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Comments;

/// <summary>
/// The moderation rules, called by the admin pages. Changes go through tracked entities and SaveChanges so
/// that whatever listens to saved changes (page cache invalidation) sees them.
/// </summary>
public sealed class CommentModeration(MadarDb db, EmailProtector emails, ILogger<CommentModeration> log)
{
    public Task<int> ApproveAsync(IReadOnlyCollection<int> ids, string moderator, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Approved, moderator, ct);

    public Task<int> MarkSpamAsync(IReadOnlyCollection<int> ids, string moderator, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Spam, moderator, ct);

    public Task<int> TrashAsync(IReadOnlyCollection<int> ids, string moderator, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Trash, moderator, ct);

    /// <summary>Back to the queue, from Spam or Trash.</summary>
    public Task<int> RestoreAsync(IReadOnlyCollection<int> ids, string moderator, CancellationToken ct = default) =>
        SetStatusAsync(ids, CommentStatus.Pending, moderator, ct);

    public async Task<int> DeleteAsync(IReadOnlyCollection<int> ids, string moderator, CancellationToken ct = default)
    {
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        db.Comments.RemoveRange(comments);
        await db.SaveChangesAsync(ct);
        foreach (var c in comments)
            log.LogInformation("{Moderator} deleted comment {CommentId} on article {ArticleId}", moderator, c.Id, c.ArticleId);
        return comments.Count;
    }

    /// <summary>
    /// A privacy request: every comment left with this address is deleted, whatever its status, so that neither
    /// the address nor anything the person wrote stays on the server.
    /// </summary>
    public async Task<int> EraseByEmailAsync(string email, string moderator, CancellationToken ct = default)
    {
        var hash = emails.Hash(email);
        var comments = await db.Comments.Where(c => c.EmailHash == hash).ToListAsync(ct);
        db.Comments.RemoveRange(comments);
        await db.SaveChangesAsync(ct);
        log.LogInformation("{Moderator} erased {Count} comments for a privacy request", moderator, comments.Count);
        return comments.Count;
    }

    private async Task<int> SetStatusAsync(IReadOnlyCollection<int> ids, CommentStatus status, string moderator, CancellationToken ct)
    {
        var comments = await db.Comments.Where(c => ids.Contains(c.Id) && c.Status != status).ToListAsync(ct);
        foreach (var c in comments) c.Status = status;
        await db.SaveChangesAsync(ct);
        foreach (var c in comments)
            log.LogInformation("{Moderator} set comment {CommentId} on article {ArticleId} to {Status}", moderator, c.Id, c.ArticleId, status);
        return comments.Count;
    }
}
