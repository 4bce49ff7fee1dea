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

    /// <summary>The home page's own choices: the pinned lead and featured stories.</summary>
    public const string Front = "front";

    /// <summary>One article's page (its body, its approved comments).</summary>
    public static string Article(int id) => ArticleTag(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The article tag as a page policy template: <c>{id}</c> is filled from the route.</summary>
    public static string ArticleRouteTemplate => ArticleTag("{id}");

    private static string ArticleTag(string id) => $"article:{id}";

    private static bool ChangesApprovedCount(EntityEntry entry, bool moved)
    {
        var status = entry.Property(nameof(Comment.Status));
        var approvedNow = (CommentStatus)status.CurrentValue! == CommentStatus.Approved;
        return entry.State switch
        {
            EntityState.Added => approvedNow,
            EntityState.Deleted => (CommentStatus)status.OriginalValue! == CommentStatus.Approved,
            _ => approvedNow != ((CommentStatus)status.OriginalValue! == CommentStatus.Approved) || moved && approvedNow,
        };
    }

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
            case FrontPin:
                yield return Front;
                break;
            case SitePage:
                yield return Site; // every page's footer links to the site's own pages
                break;
            case ReaderSettings:
                yield return Site; // every page shows dates (the Hijri offset) and the «عاجل» line
                break;
            case Tag or Models.ArticleTag or TagAlias:
                yield return Lists; // tag pages, and article pages naming the tag (which carry the lists' tag too)
                break;
            case Article article:
                yield return Lists;
                yield return Article(article.Id);
                break;
            case ArticleAuthor byline:
                yield return Lists; // the cards' bylines, the author pages, feeds and sitemap
                yield return Article(byline.ArticleId);
                break;
            case StaffProfile:
                // A name, bio or picture: shown in the bylines of any article page and list; a new one, for the names
                // kept in memory (StaffDirectory). Rare enough to drop all.
                yield return Site;
                break;
            case Comment comment:
                yield return Article(comment.ArticleId);
                var previous = entry.State == EntityState.Modified ? (int)entry.Property(nameof(Comment.ArticleId)).OriginalValue! : comment.ArticleId;
                var moved = previous != comment.ArticleId;
                if (moved)
                    yield return Article(previous);
                // Cards in every list show the approved count: a change to it makes the lists stale too.
                if (ChangesApprovedCount(entry, moved))
                    yield return Lists;
                break;
        }
    }
}
