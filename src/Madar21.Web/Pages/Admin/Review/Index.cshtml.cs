using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Review;

/// <summary>
/// The review queue: articles writers submitted, oldest first, each published or sent back with a note from here.
/// Editors and Admins only (<see cref="NewsroomRules"/>: the whole folder is theirs).
/// </summary>
public class IndexModel(MadarDb db, ArticleReview review) : PageModel
{
    public const int PageSize = 50;

    public List<Item> Items { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>The item whose send-back form failed, and what was typed in it.</summary>
    public int? FailedId { get; private set; }
    public string? FailedNote { get; private set; }

    public const string NoteField = "note";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync([FromForm] int id, CancellationToken ct)
    {
        var outcome = await review.PublishAsync(id, User.StaffId(), ct);
        TempData["Notice"] = outcome switch
        {
            ReviewOutcome.Done => "نُشر المقال.",
            ReviewOutcome.NotPending => "لم يعد هذا المقال بانتظار المراجعة: سبقك إليه محرر آخر.",
            _ => "لم يعد هذا المقال موجوداً.",
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendBackAsync([FromForm] int id, [FromForm(Name = NoteField)] string? note, CancellationToken ct)
    {
        var (outcome, error) = await review.SendBackAsync(id, note, User.StaffId(), ct);
        if (outcome == ReviewOutcome.Invalid)
        {
            (FailedId, FailedNote) = (id, note);
            ModelState.AddModelError($"{NoteField}-{id}", error!);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Notice"] = outcome switch
        {
            ReviewOutcome.Done => "أُعيد المقال إلى كاتبه مع ملاحظتك.",
            ReviewOutcome.NotPending => "لم يعد هذا المقال بانتظار المراجعة: سبقك إليه محرر آخر.",
            _ => "لم يعد هذا المقال موجوداً.",
        };
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.PendingReview);
        Total = await pending.CountAsync(ct);
        Items = await pending
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Take(PageSize)
            .Select(a => new Item(a.Id, a.Title, a.Section!.Name, a.Excerpt, a.SubmittedAt ?? a.UpdatedAt,
                db.StaffProfiles.Where(p => p.UserId == a.CreatedById).Select(p => p.DisplayName).FirstOrDefault()
                    ?? db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <param name="Writer">The writer's public name (their profile); the account's email, which staff see of each other in the admin only, when they have none.</param>
    public sealed record Item(int Id, string Title, string Section, string Excerpt, DateTime SubmittedAt, string? Writer);
}
