using Madar21.Web.Models;

namespace Madar21.Web.Articles;

/// <summary>The one definition of what readers may see; every public list and page goes through it.</summary>
public static class ArticleQueries
{
    /// <summary>
    /// The statuses that reach readers once their time has come: published and scheduled. A draft and an article
    /// pending review never do, whatever their <see cref="Article.PublishedAt"/> (an article sent back to review
    /// after publication keeps its time).
    /// </summary>
    public static bool GoesOut(ArticleStatus status) => status is ArticleStatus.Published or ArticleStatus.Scheduled;

    /// <summary>
    /// The same rule as <see cref="GoesOut(ArticleStatus)"/>, in SQL. The status is compared as "Status + 0", which no
    /// index can seek (SQLite's documented way to take a term out of the planner's index choice): without statistics
    /// SQLite would rather seek the newsroom's status indexes (the review queue, the admin list by status), read every
    /// public article (most of the archive) and sort them all, than walk the date-ordered index and stop after one
    /// page. The status is then checked from that index's last column. QueryPlanTests hold every public page to it.
    /// </summary>
    public static IQueryable<Article> GoingOut(this IQueryable<Article> articles) =>
        articles.Where(a => (int)a.Status + 0 == (int)ArticleStatus.Published || (int)a.Status + 0 == (int)ArticleStatus.Scheduled);

    public static IQueryable<Article> PublicAt(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.GoingOut().Where(a => a.PublishedAt != null && a.PublishedAt <= utcNow);

    /// <summary>Scheduled and not yet due: to be published by itself later (going out, its time still ahead).</summary>
    public static IQueryable<Article> ScheduledAfter(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.GoingOut().Where(a => a.PublishedAt > utcNow);

    /// <summary>The same rule as <see cref="ScheduledAfter"/>, for a row already read.</summary>
    public static bool IsScheduledAfter(ArticleStatus status, DateTime? publishedAt, DateTime utcNow) =>
        GoesOut(status) && publishedAt > utcNow;

    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static string UrlOf(int id, string slug) => $"/article/{id}/{Uri.EscapeDataString(slug)}";

    public static string SectionUrl(string name) => $"/section/{Uri.EscapeDataString(name)}";
}
