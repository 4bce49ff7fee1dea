using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

public class IndexModel(MadarDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Far past any real archive, and far from overflowing the offset.</summary>
    private const int MaxPage = 100_000;

    public string? Query { get; private set; }
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }
    public DateTime Now { get; private set; }
    public List<Row> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page ?? 1;
        if (PageNumber is < 1 or > MaxPage) return NotFound();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Now = clock.GetUtcNow().UtcDateTime;

        var articles = db.Articles.AsNoTracking().OpenTo(User);
        if (Query is not null) articles = articles.Where(a => a.Title.Contains(Query));
        var rows = await articles
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(a => new Row(
                a.Id, a.Title, a.Slug, a.Section!.Name, a.Status, a.PublishedAt, a.UpdatedAt,
                a.Comments.Count(c => c.Status == CommentStatus.Approved),
                a.Comments.Count(c => c.Status == CommentStatus.Pending), a.ReviewNote))
            .ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Articles = rows.Take(PageSize).ToList();
        return Page();
    }

    public string PageUrl(int number) =>
        Url.Page("/Admin/Articles/Index") + QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["page"] = number > 1 ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null));

    public sealed record Row(
        int Id, string Title, string Slug, string Section, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt,
        int ApprovedComments, int PendingComments, string? ReviewNote = null)
    {
        /// <summary>What readers see now: a scheduled article whose time has passed is out.</summary>
        public ArticleStatus StateAt(DateTime now) => Status switch
        {
            ArticleStatus.Draft or ArticleStatus.PendingReview => Status,
            _ when ArticleQueries.IsScheduledAfter(Status, PublishedAt, now) => ArticleStatus.Scheduled,
            _ => ArticleStatus.Published,
        };

        public static string StateText(ArticleStatus state) => state switch
        {
            ArticleStatus.Draft => "مسودة",
            ArticleStatus.Scheduled => "مجدول",
            ArticleStatus.PendingReview => "بانتظار المراجعة",
            _ => "منشور",
        };

        public string Url => ArticleQueries.UrlOf(Id, Slug);
    }
}
