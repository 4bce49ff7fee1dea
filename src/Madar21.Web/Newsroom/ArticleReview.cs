using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Revisions;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Newsroom;

public enum ReviewOutcome { NotFound, NotPending, Invalid, Done }

/// <summary>
/// The editor's two answers to an article pending review: publish it now, or send it back to its writer with a
/// note. Both apply only to an article still pending (another editor may have answered first), and both are
/// audited. Which accounts may call them is <see cref="NewsroomRules"/>' rule, checked by the pages.
/// </summary>
public sealed class ArticleReview(MadarDb db, TimeProvider clock, AuditTrail audit, ILogger<ArticleReview> log)
{
    public const string NoteRequired = "اكتب للكاتب ما يجب تغييره قبل إعادة المقال إليه.";
    public static readonly string NoteTooLong = $"الملاحظة أطول من {Article.ReviewNoteMaxLength} حرف.";

    /// <summary>Keeps the review fields in step with a status change made by any save of the article form.</summary>
    public static void Track(Article article, ArticleStatus next, DateTime now)
    {
        if (next == ArticleStatus.PendingReview && article.Status != ArticleStatus.PendingReview)
        {
            article.SubmittedAt = now; // the queue is oldest first: a piece sent again waits from now
            article.ReviewNote = null; // answered by this new version
        }
        else if (next != ArticleStatus.PendingReview && next != ArticleStatus.Draft)
        {
            article.ReviewNote = null;
        }
    }

    public async Task<ReviewOutcome> PublishAsync(int id, string staffId, CancellationToken ct = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return ReviewOutcome.NotFound;
        if (article.Status != ArticleStatus.PendingReview) return ReviewOutcome.NotPending;
        var now = clock.GetUtcNow().UtcDateTime;
        await ArticleRevisions.KeepOriginalAsync(db, article, ct);
        Track(article, ArticleStatus.Published, now);
        article.Status = ArticleStatus.Published;
        article.PublishedAt = now;
        article.UpdatedAt = now;
        if (article.SeedKey is not null) article.EditedInSite = true;
        ArticleRevisions.Record(db, article, RevisionKind.Reviewed, staffId, now);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.ArticlePublished, $"article {id} (from the review queue)", ct: ct);
        log.LogInformation("Staff {UserId} published article {ArticleId} from the review queue", staffId, id);
        return ReviewOutcome.Done;
    }

    /// <summary>Back to a draft its writer may edit again, with the note they will read on it.</summary>
    public async Task<(ReviewOutcome Outcome, string? Error)> SendBackAsync(int id, string? note, string staffId, CancellationToken ct = default)
    {
        var cleaned = string.IsNullOrWhiteSpace(note) ? null : TextCleaning.Text(note);
        if (string.IsNullOrEmpty(cleaned)) return (ReviewOutcome.Invalid, NoteRequired);
        if (cleaned.Length > Article.ReviewNoteMaxLength) return (ReviewOutcome.Invalid, NoteTooLong);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return (ReviewOutcome.NotFound, null);
        if (article.Status != ArticleStatus.PendingReview) return (ReviewOutcome.NotPending, null);
        await ArticleRevisions.KeepOriginalAsync(db, article, ct);
        article.Status = ArticleStatus.Draft;
        article.ReviewNote = cleaned;
        article.SubmittedAt = null;
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        ArticleRevisions.Record(db, article, RevisionKind.Reviewed, staffId, article.UpdatedAt);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.ArticleSentBack, $"article {id}", ct: ct);
        log.LogInformation("Staff {UserId} sent article {ArticleId} back to its writer", staffId, id);
        return (ReviewOutcome.Done, null);
    }
}
