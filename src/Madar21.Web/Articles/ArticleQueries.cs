using Madar21.Web.Models;

namespace Madar21.Web.Articles;

/// <summary>The one definition of what readers may see; every public list and page goes through it.</summary>
public static class ArticleQueries
{
    public static IQueryable<Article> PublicAt(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(a => a.Status != ArticleStatus.Draft && a.PublishedAt != null && a.PublishedAt <= utcNow);

    /// <summary>Scheduled and not yet due: to be published by itself later (not a draft, its time still ahead).</summary>
    public static IQueryable<Article> ScheduledAfter(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(a => a.Status != ArticleStatus.Draft && a.PublishedAt > utcNow);

    /// <summary>The same rule as <see cref="ScheduledAfter"/>, for a row already read.</summary>
    public static bool IsScheduledAfter(ArticleStatus status, DateTime? publishedAt, DateTime utcNow) =>
        status != ArticleStatus.Draft && publishedAt > utcNow;

    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static string UrlOf(int id, string slug) => $"/article/{id}/{Uri.EscapeDataString(slug)}";

    public static string SectionUrl(string name) => $"/section/{Uri.EscapeDataString(name)}";
}
