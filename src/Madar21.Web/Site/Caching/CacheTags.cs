using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// The tags that cached public pages carry, and which of them a change to the data makes stale. The mapping lives
/// here once, so that every writer (seed import, admin editor, comment moderation, the scheduler) evicts the same.
/// </summary>
public static class CacheTags
{
    /// <summary>Every public page: they all show the sections bar.</summary>
    public const string Site = "site";

    /// <summary>Every page that lists articles: home, sections, feeds, sitemap, search.</summary>
    public const string Lists = "lists";

    /// <summary>One article's page (its body, its approved comments).</summary>
    public static string Article(int id) => ArticleTag(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The article tag as a page policy template: <c>{id}</c> is filled from the route.</summary>
    public static string ArticleRouteTemplate => ArticleTag("{id}");

    private static string ArticleTag(string id) => $"article:{id}";

    /// <summary>What the saved or about-to-be-saved entry makes stale; nothing for data no public page shows.</summary>
    public static IEnumerable<string> StaleAfter(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            yield break;

        switch (entry.Entity)
        {
            case Section:
                yield return Site; // the name is in every page's navigation
                break;
            case Article article:
                yield return Lists;
                yield return Article(article.Id);
                break;
            case Comment comment:
                yield return Article(comment.ArticleId);
                if (entry.State == EntityState.Modified && entry.Property(nameof(Comment.ArticleId)).OriginalValue is int previous && previous != comment.ArticleId)
                    yield return Article(previous);
                break;
        }
    }
}
