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

    /// <remarks>
    /// The list is walked newest (or oldest) id first and stops after a page. A filter few articles pass (scheduled, a
    /// title search) is asked first as a list of ids from an index of its own, so that the walk does not read every
    /// row to find a page of them: the scheduled ones from the publication-time index, the titles from the folded
    /// titles' index (read without the rows).
    /// </remarks>
    public IQueryable<Article> Apply(IQueryable<Article> articles, DateTime now)
    {
        var all = articles;
        if (Status == ArticleStatus.Draft) articles = articles.Where(a => a.Status == ArticleStatus.Draft);
        if (Status == ArticleStatus.PendingReview) articles = articles.Where(a => a.Status == ArticleStatus.PendingReview);
        if (Status == ArticleStatus.Published) articles = articles.PublicAt(now);
        if (Status == ArticleStatus.Scheduled && all.ScheduledAfter(now).Select(a => a.Id) is var scheduled) articles = articles.Where(a => scheduled.Contains(a.Id));
        if (Section is { } section) articles = articles.Where(a => a.SectionId == section);
        if (Folded is { } q && all.Where(a => a.TitleFolded!.Contains(q)).Select(a => a.Id) is var titled) articles = articles.Where(a => titled.Contains(a.Id));
        return articles;
    }

    /// <summary>The search folded as titles are (<see cref="ArticleTitles.Fold"/>); null when nothing is left of it.</summary>
    private string? Folded => Query is { } q && ArticleTitles.Fold(q) is { Length: > 0 } folded ? folded : null;

    /// <summary>The filters as query-string values, without the page; null values are left out of links.</summary>
    public Dictionary<string, string?> Values() => new()
    {
        ["status"] = Status?.ToString().ToLowerInvariant(),
        ["section"] = Section?.ToString(CultureInfo.InvariantCulture),
        ["q"] = Query,
        ["sort"] = Sort == ListOrder.Newest ? null : Sort.ToString().ToLowerInvariant(),
    };
}
