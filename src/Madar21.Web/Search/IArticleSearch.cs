using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;

namespace Madar21.Web.Search;

/// <summary>
/// Full-text search over articles. The index holds every article that is not a draft; what readers may see is
/// still decided by <c>ArticleQueries.PublicAt</c>, joined by the callers, so that a scheduled article turns up
/// when its time comes without touching the index. SQLite's FTS5 is the implementation here; a PostgreSQL
/// deployment provides its own.
/// </summary>
public interface IArticleSearch
{
    /// <summary>
    /// Indexed articles matching every term of the query, each with a score (lower is a better match; an article may
    /// come twice, its best score counts). A query with fewer matches than <paramref name="limit"/> is ranked by
    /// relevance over all of them; one with more (a word found in most articles) is <see cref="SearchMatches.Capped"/>
    /// and ranked among the newest matches only, by where the words are, returning enough for the first
    /// <paramref name="needed"/> results: a very common word costs what a rare one does.
    /// </summary>
    Task<SearchMatches> MatchAsync(MadarDb db, SearchQuery query, int limit, int needed, CancellationToken ct);

    /// <summary>
    /// The ids of the newest (highest id first) indexed articles, at most <paramref name="limit"/>, whose title has one
    /// of the term's forms: the bounded candidate set of «مقالات ذات صلة» (see <c>Articles.RelatedLists</c>).
    /// </summary>
    Task<List<int>> NewestWithTitleTermAsync(MadarDb db, SearchTerm term, int limit, CancellationToken ct);

    /// <summary>Applies article changes to the index inside the current transaction; <see cref="MadarDb"/> calls it on every save.</summary>
    void Apply(MadarDb db, IReadOnlyList<ArticleIndexChange> changes);

    /// <inheritdoc cref="Apply"/>
    Task ApplyAsync(MadarDb db, IReadOnlyList<ArticleIndexChange> changes, CancellationToken ct);

    /// <summary>Rebuilds the whole index from the articles table in one transaction; returns the number of articles indexed.</summary>
    Task<int> RebuildAsync(MadarDb db, CancellationToken ct);

    /// <summary>Rebuilds when the index was never built, or built by another <see cref="SearchDocument.Version"/>.</summary>
    Task EnsureCurrentAsync(MadarDb db, CancellationToken ct);
}

/// <param name="Capped">More matches than the limit: ranked the bounded way, the count unknown past it.</param>
public sealed record SearchMatches(IQueryable<SearchHit> Hits, bool Capped);

public sealed class SearchHit
{
    public int ArticleId { get; init; }
    public double Score { get; init; }
}

/// <param name="Document">What to index, or null to take the article out (deleted, or back to draft).</param>
public sealed record ArticleIndexChange(int ArticleId, SearchDocument? Document)
{
    /// <summary>An article the index cannot hold yet (just inserted, or an emptied index): nothing to take out first.</summary>
    public bool IsNew { get; init; }

    public static ArticleIndexChange For(Article article, bool deleted) =>
        new(article.Id, deleted || !ArticleQueries.GoesOut(article.Status)
            ? null
            : SearchDocument.From(article.Title, article.Summary, article.BodyText));
}
