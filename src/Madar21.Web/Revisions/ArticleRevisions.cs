using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Revisions;

/// <summary>
/// Keeps a revision for every save of an article in the admin, in the same SaveChanges as the article itself (so a
/// refused or failed save leaves no revision behind). Seed imports keep none: they change only articles never
/// edited in the site (<see cref="Article.EditedInSite"/>), whose history is their file; the first save in the admin
/// records the article as it stood before it (<see cref="RevisionKind.Original"/>), so that first change reads as a
/// diff too.
/// </summary>
public static class ArticleRevisions
{
    /// <summary>The history page's length, newest first; older ones are a page further.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// Call before changing a stored article: adds its state as loaded, when it has no revision yet.
    /// </summary>
    public static async Task KeepOriginalAsync(MadarDb db, Article article, CancellationToken ct)
    {
        if (await db.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id, ct)) return;
        var tags = Madar21.Web.Tags.TagNames.Join(await Madar21.Web.Tags.TagQueries.NamesOfAsync(db, article.Id, ct));
        var entry = db.Entry(article);
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id,
            ArticleVersion = entry.Property(a => a.Version).OriginalValue,
            Kind = RevisionKind.Original,
            Title = article.Title,
            Summary = article.Summary,
            BodyMarkdown = article.BodyMarkdown,
            Tags = tags,
            LeadMediaId = article.LeadMediaId,
            SectionId = article.SectionId,
            Status = article.Status,
            StaffUserId = null,
            CreatedAt = article.UpdatedAt,
        });
    }

    /// <summary>
    /// Call after changing the article, before SaveChanges: adds its new state, or nothing when nothing changed.
    /// <paramref name="tags"/>: the tags it is saved with, as the form wrote them; null keeps the previous revision's.
    /// </summary>
    public static void Record(
        MadarDb db, Article article, RevisionKind kind, string staffId, DateTime now, long? restoredFrom = null, IReadOnlyList<string>? tags = null)
    {
        var entry = db.Entry(article);
        db.ChangeTracker.DetectChanges();
        if (entry.State == EntityState.Unchanged) return;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            Article = article,
            // MadarDb raises the version by one on save; a new article starts at its default.
            ArticleVersion = entry.State == EntityState.Added ? article.Version : entry.Property(a => a.Version).OriginalValue + 1,
            Kind = kind,
            RestoredFromId = restoredFrom,
            Title = article.Title,
            Summary = article.Summary,
            BodyMarkdown = article.BodyMarkdown,
            Tags = tags is null ? PreviousTags(db, article) : Madar21.Web.Tags.TagNames.Join(tags),
            LeadMediaId = article.LeadMediaId,
            SectionId = article.SectionId,
            Status = article.Status,
            StaffUserId = staffId,
            CreatedAt = now,
        });
    }

    /// <summary>A save that does not touch the tags (review, hiding) keeps the last revision's snapshot of them.</summary>
    private static string PreviousTags(MadarDb db, Article article) => article.Id == 0 ? "" :
        db.ArticleRevisions.Local.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).Select(r => r.Tags).FirstOrDefault()
        ?? db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).Select(r => r.Tags).FirstOrDefault()
        ?? "";

    /// <summary>The revision a form opened at <paramref name="version"/> started from: the newest saved at or before it.</summary>
    public static IQueryable<ArticleRevision> StartedFrom(this IQueryable<ArticleRevision> revisions, int articleId, int version) =>
        revisions.Where(r => r.ArticleId == articleId && r.ArticleVersion <= version).OrderByDescending(r => r.Id);

    public static IQueryable<ArticleRevision> NewestFirst(this IQueryable<ArticleRevision> revisions, int articleId) =>
        revisions.Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Id);
}
