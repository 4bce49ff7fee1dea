using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Madar21.Web.Authors;

/// <summary>Who wrote an article, and the copy of its publication time that each author's list is walked by.</summary>
public static class ArticleAuthors
{
    /// <summary>How many names a byline may carry.</summary>
    public const int MaxAuthors = 4;

    /// <summary>The time an author's list sorts the article by: its publication time while it goes out (<see cref="ArticleQueries.GoesOut"/>).</summary>
    public static DateTime? ListedAt(Article article) => ArticleQueries.GoesOut(article.Status) ? article.PublishedAt : null;

    /// <summary>
    /// Replaces the byline of a tracked article with these profiles, in this order (duplicates dropped). The rows of
    /// the byline must be loaded (<see cref="LoadAsync"/>) for an existing article.
    /// </summary>
    public static void Set(MadarDb db, Article article, IReadOnlyList<int> profileIds)
    {
        var wanted = profileIds.Distinct().Take(MaxAuthors).ToList();
        var rows = article.Authors.OrderBy(a => a.Position).ToList();
        var next = rows.Count == 0 ? 0 : rows[^1].Position + 1; // positions may have gaps where an account was removed
        // Row i keeps its key (article, position) and takes the i-th name: a key removed and added again in one
        // save would be the same entity tracked twice.
        for (var i = 0; i < Math.Max(wanted.Count, rows.Count); i++)
        {
            if (i >= wanted.Count) { db.ArticleAuthors.Remove(rows[i]); article.Authors.Remove(rows[i]); }
            else if (i >= rows.Count) article.Authors.Add(new ArticleAuthor { Article = article, Position = next++, ProfileId = wanted[i] });
            else if (rows[i].ProfileId != wanted[i]) rows[i].ProfileId = wanted[i];
        }
    }

    /// <summary>Why these profiles cannot be the byline, in Arabic; null when they can.</summary>
    public static async Task<string?> ErrorAsync(MadarDb db, IReadOnlyList<int>? profileIds, CancellationToken ct)
    {
        if (profileIds is null || profileIds.Count == 0) return null;
        if (profileIds.Distinct().Count() > MaxAuthors) return $"لا يتسع سطر الكتّاب لأكثر من {MaxAuthors} أسماء.";
        var ids = profileIds.Distinct().ToList();
        var found = await db.StaffProfiles.CountAsync(p => ids.Contains(p.Id), ct);
        return found == ids.Count ? null : "أحد الكتّاب المختارين لم يعد موجودًا؛ اختر من القائمة.";
    }

    /// <summary>The default byline of a new article: the account that creates it (none, the desk, if it has no profile).</summary>
    public static async Task<IReadOnlyList<int>> CreatorAsync(MadarDb db, string userId, CancellationToken ct) =>
        await db.StaffProfiles.Where(p => p.UserId == userId).Select(p => p.Id).Take(1).ToListAsync(ct);

    public static Task LoadAsync(MadarDb db, Article article, CancellationToken ct) =>
        db.Entry(article).Collection(a => a.Authors).LoadAsync(ct);

    /// <summary>Before a save: the byline rows the context tracks take their article's time.</summary>
    public static void KeepInStep(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<ArticleAuthor>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached || entry.Entity.Article is not { } article) continue;
            var at = ListedAt(article);
            if (entry.Entity.PublishedAt != at) entry.Entity.PublishedAt = at;
        }
    }

    /// <summary>The articles whose status or publication time this save changes: their byline rows follow after it.</summary>
    public static List<Article> Moved(ChangeTracker tracker) =>
        tracker.Entries<Article>()
            .Where(e => e.State == EntityState.Modified
                && (e.Property(a => a.Status).IsModified || e.Property(a => a.PublishedAt).IsModified))
            .Select(e => e.Entity)
            .ToList();

    /// <summary>
    /// After a save, in its transaction: the byline rows the context did not load take their article's new time; one
    /// command per distinct time (a bulk publication sets one time for all).
    /// </summary>
    public static async Task FollowAsync(MadarDb db, List<Article> moved, CancellationToken ct)
    {
        foreach (var group in moved.GroupBy(ListedAt))
        {
            var ids = group.Select(a => a.Id).ToList();
            await db.ArticleAuthors.Where(x => ids.Contains(x.ArticleId) && x.PublishedAt != group.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PublishedAt, group.Key), ct);
        }
    }

    public static void Follow(MadarDb db, List<Article> moved)
    {
        foreach (var group in moved.GroupBy(ListedAt))
        {
            var ids = group.Select(a => a.Id).ToList();
            db.ArticleAuthors.Where(x => ids.Contains(x.ArticleId) && x.PublishedAt != group.Key)
                .ExecuteUpdate(s => s.SetProperty(x => x.PublishedAt, group.Key));
        }
    }
}
