using System.Data.Common;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Search;

[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class IndexModel(MadarDb db, IArticleSearch search, TimeProvider clock, ILogger<IndexModel> log) : PageModel
{
    public const int PageSize = 20;

    /// <summary>
    /// How many matches are ranked by relevance; past it the newest are ranked by where the words are (see
    /// <see cref="IArticleSearch.MatchAsync"/>). Fifty pages, far past what anyone reads.
    /// </summary>
    public const int RankedMatches = 1000;

    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }

    /// <summary>More matches than <see cref="RankedMatches"/>: the count says «أكثر من».</summary>
    public bool Capped { get; private set; }
    public List<Result> Results { get; private set; } = [];
    public bool HasNext => PageNumber * PageSize < Total;

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Query = SearchQuery.Parse(q);
        PageNumber = Math.Clamp(page ?? 1, 1, RankedMatches / PageSize);
        if (Query.IsEmpty) return;

        try
        {
            // The matches readers may see, ranked in a bounded way (see IArticleSearch.MatchAsync); then the page's articles.
            var matches = await search.MatchAsync(db, Query, RankedMatches + 1, PageNumber * PageSize, ct);
            var hits = (await (
                    from hit in matches.Hits
                    join a in db.Articles.AsNoTracking().PublicAt(clock.GetUtcNow().UtcDateTime) on hit.ArticleId equals a.Id
                    select new { a.Id, hit.Score, PublishedAt = a.PublishedAt!.Value })
                .ToListAsync(ct))
                .GroupBy(h => h.Id).Select(g => g.MinBy(h => h.Score)!)
                .ToList();
            Capped = matches.Capped;
            var ranked = hits.OrderBy(h => h.Score).ThenByDescending(h => h.PublishedAt).ThenByDescending(h => h.Id).Take(RankedMatches).ToList();
            Total = Capped ? RankedMatches : ranked.Count;
            var ids = ranked.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(h => h.Id).ToList();
            if (ids.Count == 0) return;
            var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new Row(a.Id, a.Slug, a.Title, a.Section!.Name, a.PublishedAt!.Value, a.Excerpt, a.BodyText,
                    a.Comments.Count(c => c.Status == CommentStatus.Approved), a.LeadMediaId))
                .ToListAsync(ct);
            rows = [.. rows.OrderBy(r => ids.IndexOf(r.Id))];
            var cards = await CardPictures.AttachAsync(db,
                [.. rows.Select(r => new ArticleCard(r.Id, r.Slug, r.Title, r.Section, r.PublishedAt, r.Excerpt, r.CommentCount, r.LeadMediaId))], ct);
            Results = rows.Zip(cards, (r, card) => new Result(
                    card,
                    SearchHighlighter.Highlight(r.Title, Query),
                    SearchHighlighter.Excerpt(r.BodyText, r.Excerpt, Query)))
                .ToList();
        }
        catch (DbException ex)
        {
            // Every term is quoted, so this is not expected; if it happens, the reader gets an empty result, not a 500.
            log.LogError(ex, "Search failed for a query of {QueryLength} characters and {TermCount} terms", Query.Text.Length, Query.Terms.Count);
            Total = 0;
            Results = [];
        }
    }

    /// <summary>The count with the noun Arabic grammar wants after it: نتيجة واحدة، نتيجتان، 3 نتائج، 11 نتيجة.</summary>
    public string CountText => Capped ? $"أكثر من {RankedMatches} نتيجة" : Total switch
    {
        1 => "نتيجة واحدة",
        2 => "نتيجتان",
        >= 3 and <= 10 => $"{Total} نتائج",
        _ => $"{Total} نتيجة",
    };

    public string PageUrl(int number) =>
        $"/search?q={Uri.EscapeDataString(Query.Text)}" + (number > 1 ? $"&page={number}" : "");

    private sealed record Row(int Id, string Slug, string Title, string Section, DateTime PublishedAt, string Excerpt, string BodyText, int CommentCount, int? LeadMediaId);

    public sealed record Result(ArticleCard Card, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Excerpt);
}
