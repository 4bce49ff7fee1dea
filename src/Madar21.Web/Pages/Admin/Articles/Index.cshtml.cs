using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Madar21.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

/// <summary>
/// The article list: filters in the address (<see cref="ArticleListFilter"/>), 50 a page by keyset, and bulk
/// changes of the checked rows in two steps, «متابعة» (what will change, nothing saved) then «تأكيد» (one save by
/// <see cref="ArticleEditor"/>'s rules).
/// </summary>
public class IndexModel(MadarDb db, ArticleEditor editor, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public ArticleListFilter Filter { get; set; } = new();

    public bool HasNext { get; private set; }
    public bool HasPrevious { get; private set; }
    public DateTime Now { get; private set; }
    public List<Row> Articles { get; private set; } = [];
    public List<SelectListItem> Sections { get; private set; } = [];

    /// <summary>Set by «متابعة»: the change to confirm, and what it does to each checked article.</summary>
    public BulkConfirmation? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear(); // a filter value that did not bind is ignored, not reported
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(int[] ids, BulkChange? change, int? to, CancellationToken ct)
    {
        if (!User.IsEditor()) return Forbid(); // publishing and moving others' articles is an editor's
        if (await BulkErrorAsync(ids, change, to, ct) is { } error) return await InvalidAsync(error, ct);
        var plan = await editor.PlanManyAsync(ids.Distinct().ToArray(), change!.Value, to, ct);
        if (plan.Count == 0) return await InvalidAsync("لم تعد المقالات المختارة موجودة.", ct);
        await LoadSectionsAsync(ct);
        Confirmation = new BulkConfirmation(change.Value, to, plan);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int[] ids, BulkChange? change, int? to, CancellationToken ct)
    {
        if (!User.IsEditor()) return Forbid();
        if (await BulkErrorAsync(ids, change, to, ct) is { } error) return await InvalidAsync(error, ct);
        var changed = await editor.ChangeManyAsync(ids.Distinct().ToArray(), change!.Value, to, User.StaffId(), ct);
        TempData["Notice"] = Done(change.Value, changed.Count, Sections.FirstOrDefault()?.Text);
        return LocalRedirect(ListUrl(Filter.Values()));
    }

    /// <summary>«تم نشر 3 مقالات.»: the message after a bulk change.</summary>
    public static string Done(BulkChange change, int count, string? section = null)
    {
        if (count == 0) return "لم يتغير شيء: المقالات المختارة كانت كذلك من قبل.";
        var articles = ArabicPlural.Format(count, ArabicPlural.Articles, ArabicCase.Oblique);
        return change switch
        {
            BulkChange.Publish => $"تم نشر {articles}.",
            BulkChange.Unpublish => $"تم إلغاء نشر {articles}؛ صارت مسودات لا يراها القراء.",
            _ => $"تم نقل {articles} إلى قسم «{section}».",
        };
    }

    private async Task<string?> BulkErrorAsync(int[] ids, BulkChange? change, int? to, CancellationToken ct)
    {
        if (ids.Length == 0) return "لم تختر أي مقال: علّم المقالات المطلوبة في القائمة أولاً.";
        if (ids.Distinct().Count() > ArticleEditor.BulkMax) return $"اختر {ArabicPlural.Format(ArticleEditor.BulkMax, ArabicPlural.Articles)} على الأكثر في المرة الواحدة.";
        if (change is not { } c || !Enum.IsDefined(c)) return "اختر ما يُفعل بالمقالات المختارة.";
        if (c != BulkChange.Move) return null;
        if (to is not { } section || !await editor.SectionExistsAsync(section, ct)) return "اختر القسم الذي تُنقل إليه المقالات.";
        // For the message after the move: the section's name.
        Sections = await db.Sections.AsNoTracking().Where(s => s.Id == section).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        return null;
    }

    private async Task<IActionResult> InvalidAsync(string error, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddModelError("ids", error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        await LoadSectionsAsync(ct);
        var newest = Filter.Sort == ListOrder.Newest;
        var backwards = Filter.Before is not null && Filter.After is null;
        var articles = Filter.Apply(db.Articles.AsNoTracking().OpenTo(User), Now);
        if (Filter.After is { } after) articles = newest ? articles.Where(a => a.Id < after) : articles.Where(a => a.Id > after);
        else if (Filter.Before is { } before) articles = newest ? articles.Where(a => a.Id > before) : articles.Where(a => a.Id < before);
        // Going back, the page is read in the opposite order from its edge, then turned round.
        articles = newest != backwards ? articles.OrderByDescending(a => a.Id) : articles.OrderBy(a => a.Id);
        var rows = await articles
            .Take(PageSize + 1)
            .Select(a => new Row(
                a.Id, a.Title, a.Slug, a.Section!.Name, a.Status, a.PublishedAt, a.UpdatedAt,
                a.Comments.Count(c => c.Status == CommentStatus.Approved),
                a.Comments.Count(c => c.Status == CommentStatus.Pending), a.ReviewNote))
            .ToListAsync(ct);
        var more = rows.Count > PageSize;
        Articles = rows.Take(PageSize).ToList();
        if (backwards) Articles.Reverse();
        // An empty page (past the end, or a forged edge) offers no neighbours: the filters' links lead back.
        HasNext = Articles.Count > 0 && (backwards || more);
        HasPrevious = Articles.Count > 0 && (backwards ? more : Filter.After is not null);
    }

    private async Task LoadSectionsAsync(CancellationToken ct) =>
        Sections = await db.Sections.AsNoTracking().InNavigationOrder()
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);

    /// <summary>The list with these filters; the page edge, when given, as the one extra value.</summary>
    public string ListUrl(Dictionary<string, string?> values) =>
        Url.Page("/Admin/Articles/Index") + QueryString.Create(values.Where(v => v.Value is not null));

    public string NextUrl() => ListUrl(new(Filter.Values()) { ["after"] = Articles[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public string PreviousUrl() => ListUrl(new(Filter.Values()) { ["before"] = Articles[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public sealed record BulkConfirmation(BulkChange Change, int? To, List<BulkPlanItem> Items)
    {
        public List<BulkPlanItem> Changing => Items.Where(i => i.Changes).ToList();
    }

    public sealed record Row(
        int Id, string Title, string Slug, string Section, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt,
        int ApprovedComments, int PendingComments, string? ReviewNote = null)
    {
        public ArticleStatus StateAt(DateTime now) => ArticleEditor.StateAt(Status, PublishedAt, now);

        public string Url => ArticleQueries.UrlOf(Id, Slug);
    }
}
