using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Tags;

/// <summary>
/// Keeps <see cref="ArticleTag.ListedAt"/> equal to its article's publication time (null for a draft) on every save
/// through <see cref="MadarDb"/>, so that a tag's page is one index range, newest first, whatever the archive's size.
/// </summary>
public static class TagListing
{
    public static DateTime? ListedAtOf(Article article) => article.Status == ArticleStatus.Draft ? null : article.PublishedAt;

    /// <summary>Called by <see cref="MadarDb"/> before each save, once the changes are detected.</summary>
    public static async Task KeepInStepAsync(MadarDb db, CancellationToken ct)
    {
        var moved = db.ChangeTracker.Entries<Article>()
            .Where(e => e.State == EntityState.Modified && (e.Property(a => a.Status).IsModified || e.Property(a => a.PublishedAt).IsModified))
            .Select(e => e.Entity.Id)
            .ToList();
        if (moved.Count > 0)
            await db.ArticleTags.Where(t => moved.Contains(t.ArticleId)).LoadAsync(ct); // tracked: fixed up to their article

        foreach (var entry in db.ChangeTracker.Entries<ArticleTag>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached) continue;
            var article = entry.Entity.Article ?? db.Articles.Local.FirstOrDefault(a => a.Id == entry.Entity.ArticleId);
            if (article is not null && entry.Entity.ListedAt != ListedAtOf(article))
                entry.Entity.ListedAt = ListedAtOf(article);
        }
    }
}
