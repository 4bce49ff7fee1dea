using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>What the admin list does to the articles an editor checked.</summary>
public enum BulkChange { Publish, Unpublish, Move }

/// <summary>One checked article: what it is now, and what the change makes of it (the same when nothing changes).</summary>
/// <param name="StateBefore">As readers see it now: a scheduled article whose time has passed is published.</param>
public sealed record BulkPlanItem(
    int Id, string Title, ArticleStatus StateBefore, ArticleStatus StateAfter, int SectionBefore, int SectionAfter)
{
    public bool Changes => StateBefore != StateAfter || SectionBefore != SectionAfter;
}

public sealed partial class ArticleEditor
{
    /// <summary>Checked rows of one page (50) with room to spare; a longer list is refused, never truncated silently.</summary>
    public const int BulkMax = 200;

    /// <summary>
    /// What <see cref="ChangeManyAsync"/> would do, for the confirmation step: the same rules, nothing saved. Ids that
    /// are not articles (deleted meanwhile, or forged) are left out.
    /// </summary>
    public async Task<List<BulkPlanItem>> PlanManyAsync(IReadOnlyCollection<int> ids, BulkChange change, int? sectionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.Id).ToListAsync(ct);
        return articles.Select(a => Plan(a, change, sectionId, now)).ToList();
    }

    /// <summary>
    /// Publishes, unpublishes or moves the given articles in ONE save, by the rules of a single edit
    /// (<see cref="SetStatus"/>): publication time, seed articles marked as edited, one audit entry per changed
    /// article; the saved-changes machinery evicts the pages and updates the search index as for any save.
    /// Articles the change leaves as they are (already published …) are not touched.
    /// </summary>
    /// <returns>The articles changed.</returns>
    public async Task<List<BulkPlanItem>> ChangeManyAsync(
        IReadOnlyCollection<int> ids, BulkChange change, int? sectionId, string staffId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = await db.Articles.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var changed = new List<BulkPlanItem>();
        foreach (var article in articles)
        {
            var plan = Plan(article, change, sectionId, now);
            if (!plan.Changes) continue;
            var before = article.Status;
            if (plan.SectionAfter != plan.SectionBefore)
            {
                article.SectionId = plan.SectionAfter;
                article.UpdatedAt = now;
                if (article.SeedKey is not null) article.EditedInSite = true;
            }
            if (plan.StateAfter != plan.StateBefore) SetStatus(article, plan.StateAfter, null, now);
            audit.Add(before == article.Status ? AuditAction.ArticleSaved : AuditActionOf(before, article.Status), $"article {article.Id}");
            changed.Add(plan);
        }
        if (changed.Count == 0) return changed;
        await db.SaveChangesAsync(ct); // one save: the articles and their audit entries together
        log.LogInformation("Staff {UserId} applied {Change} to {Count} articles", staffId, change, changed.Count);
        return changed;
    }

    /// <summary>Whether the section exists, for a move.</summary>
    public Task<bool> SectionExistsAsync(int sectionId, CancellationToken ct = default) =>
        db.Sections.AnyAsync(s => s.Id == sectionId, ct);

    private static BulkPlanItem Plan(Article a, BulkChange change, int? sectionId, DateTime now)
    {
        var state = StateAt(a.Status, a.PublishedAt, now);
        var after = change switch
        {
            BulkChange.Publish => ArticleStatus.Published,
            BulkChange.Unpublish => ArticleStatus.Draft,
            _ => state,
        };
        var section = change == BulkChange.Move && sectionId is { } to ? to : a.SectionId;
        return new BulkPlanItem(a.Id, a.Title, state, after, a.SectionId, section);
    }

    /// <summary>What readers see now: a scheduled article whose time has passed is published.</summary>
    public static ArticleStatus StateAt(ArticleStatus status, DateTime? publishedAt, DateTime now) => status switch
    {
        ArticleStatus.Draft or ArticleStatus.PendingReview => status,
        _ when ArticleQueries.IsScheduledAfter(status, publishedAt, now) => ArticleStatus.Scheduled,
        _ => ArticleStatus.Published,
    };
}
