using System.Data.Common;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Search;
using Madar21.Web.Models;
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

    // Ten thousand results deep is far past what anyone reads; it also keeps the offset arithmetic small.
    private const int MaxPage = 500;

    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public List<Result> Results { get; private set; } = [];
    public bool HasNext => PageNumber * PageSize < Total && PageNumber < MaxPage;

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Query = SearchQuery.Parse(q);
        PageNumber = Math.Clamp(page ?? 1, 1, MaxPage);
        if (Query.IsEmpty) return;

        var matches =
            from hit in search.Match(db, Query)
            join a in db.Articles.AsNoTracking().PublicAt(clock.GetUtcNow().UtcDateTime) on hit.ArticleId equals a.Id
            select new { hit.Score, Article = a };
        try
        {
            Total = await matches.CountAsync(ct);
            if (Total <= (PageNumber - 1) * PageSize) return;
            var rows = await matches
                .OrderBy(m => m.Score).ThenByDescending(m => m.Article.PublishedAt).ThenByDescending(m => m.Article.Id)
                .Skip((PageNumber - 1) * PageSize)
                .Take(PageSize)
                .Select(m => new Row(m.Article.Id, m.Article.Slug, m.Article.Title, m.Article.Section!.Name, m.Article.PublishedAt!.Value, m.Article.Excerpt, m.Article.BodyText,
                    m.Article.Comments.Count(c => c.Status == CommentStatus.Approved)))
                .ToListAsync(ct);
            Results = rows.Select(r => new Result(
                    new ArticleCard(r.Id, r.Slug, r.Title, r.Section, r.PublishedAt, r.Excerpt, r.CommentCount),
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
    public string CountText => Total switch
    {
        1 => "نتيجة واحدة",
        2 => "نتيجتان",
        >= 3 and <= 10 => $"{Total} نتائج",
        _ => $"{Total} نتيجة",
    };

    public string PageUrl(int number) =>
        $"/search?q={Uri.EscapeDataString(Query.Text)}" + (number > 1 ? $"&page={number}" : "");

    private sealed record Row(int Id, string Slug, string Title, string Section, DateTime PublishedAt, string Excerpt, string BodyText, int CommentCount);

    public sealed record Result(ArticleCard Card, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Excerpt);
}
