using System.Globalization;
using Madar21.Web.Articles;
using Madar21.Web.Models;

namespace Madar21.Web.Pages.Admin.Articles;

public enum ListOrder { Newest, Oldest }

/// <summary>
/// What /admin/articles shows, all of it in the address (a GET form): each filter is a property, one line in
/// <see cref="Apply"/> and one in <see cref="Values"/>. Values that do not bind (a forged «status=x») are ignored.
/// The order is by id, the order articles were created in, so that a page is found by the last id of the one
/// before it (keyset) and page 2,000 costs what page 1 does.
/// </summary>
public sealed class ArticleListFilter
{
    public const int QueryMaxLength = 200;

    /// <summary>The state as readers see it now (<see cref="ArticleEditor.StateAt"/>): a scheduled article whose time has passed is published.</summary>
    public ArticleStatus? Status { get; set; }
    public int? Section { get; set; }
    public string? Q { get; set; }
    public ListOrder Sort { get; set; }

    /// <summary>The page after the article with this id (in the list's order).</summary>
    public int? After { get; set; }

    /// <summary>The page before the article with this id.</summary>
    public int? Before { get; set; }

    /// <summary>The search as typed, trimmed; null when there is none.</summary>
    public string? Query => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() is var typed && typed.Length > QueryMaxLength ? typed[..QueryMaxLength] : Q.Trim();

    public bool IsFiltered => Status is not null || Section is not null || Query is not null;

    public IQueryable<Article> Apply(IQueryable<Article> articles, DateTime now)
    {
        if (Status == ArticleStatus.Draft) articles = articles.Where(a => a.Status == ArticleStatus.Draft);
        if (Status == ArticleStatus.PendingReview) articles = articles.Where(a => a.Status == ArticleStatus.PendingReview);
        if (Status == ArticleStatus.Published) articles = articles.PublicAt(now);
        if (Status == ArticleStatus.Scheduled) articles = articles.ScheduledAfter(now);
        if (Section is { } section) articles = articles.Where(a => a.SectionId == section);
        if (Query is { } q && ArticleTitles.Fold(q) is { Length: > 0 } folded) articles = articles.Where(a => a.TitleFolded!.Contains(folded));
        return articles;
    }

    /// <summary>The filters as query-string values, without the page; null values are left out of links.</summary>
    public Dictionary<string, string?> Values() => new()
    {
        ["status"] = Status?.ToString().ToLowerInvariant(),
        ["section"] = Section?.ToString(CultureInfo.InvariantCulture),
        ["q"] = Query,
        ["sort"] = Sort == ListOrder.Newest ? null : Sort.ToString().ToLowerInvariant(),
    };
}
