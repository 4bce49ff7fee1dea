using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Madar21.Web.Revisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

/// <summary>
/// An article's history: its revisions newest first (a page at a time), the word-level difference between any two
/// (by default what the last save changed), and the restore of one as a new save.
/// </summary>
public class HistoryModel(MadarDb db, ArticleEditor editor) : PageModel
{
    public const string ConflictMessage = "حُفظ المقال بعد أن فتحتَ هذه الصفحة، فلم تُستعد النسخة. راجع السجل المحدَّث ثم أعد الاستعادة إن أردت.";

    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The article's version as this page showed it: a restore over a later save is refused.</summary>
    public int Version { get; private set; }

    public List<RevisionEntry> Revisions { get; private set; } = [];

    /// <summary>The id to pass as <c>before</c> for the older page; null on the last page.</summary>
    public long? OlderThan { get; private set; }
    public long? Before { get; private set; }
    public long? NewestId { get; private set; }
    public RevisionComparison? Comparison { get; private set; }
    public string CurrentUser => User.StaffId();

    /// <summary>Whoever may open the article may read its history; restoring is saving it (<see cref="NewsroomRules"/>).</summary>
    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, long? before, CancellationToken ct)
    {
        if (await FactsAsync(id, ct) is not { } facts) return NotFound();
        if (!await this.MayAsync(ArticleOperation.Open, facts)) return Forbid();
        return await LoadAsync(id, from, to, before, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, long revision, int? version, CancellationToken ct)
    {
        if (await FactsAsync(id, ct) is not { } facts) return NotFound();
        if (!await this.MaySaveAsync(facts, facts.Status, isNew: false)) return Forbid();
        var result = await editor.RestoreAsync(id, revision, version, User.StaffId(), ct);
        if (result is null) return NotFound();
        if (result.Succeeded)
        {
            TempData["Notice"] = $"استُعيدت النسخة {revision} في نسخة جديدة.";
            return RedirectToPage(new { id });
        }
        foreach (var error in result.Errors)
            ModelState.AddModelError("", result.CurrentVersion is null ? error.Message : ConflictMessage);
        return await LoadAsync(id, revision, null, null, ct) ? Page() : NotFound();
    }

    private Task<ArticleFacts?> FactsAsync(int id, CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new ArticleFacts(a.CreatedById, a.Status)).FirstOrDefaultAsync(ct);

    private async Task<bool> LoadAsync(int id, long? from, long? to, long? before, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Title, a.Version }).FirstOrDefaultAsync(ct);
        if (article is null) return false;
        (Id, Title, Version, Before) = (id, article.Title, article.Version, before);
        var page = await db.ArticleRevisions.AsNoTracking().NewestFirst(id)
            .Where(r => before == null || r.Id < before)
            .Select(r => new RevisionEntry(r.Id, r.Kind, r.RestoredFromId, r.StaffUserId, r.CreatedAt, r.Status,
                db.StaffProfiles.Where(p => p.UserId == r.StaffUserId).Select(p => p.DisplayName).FirstOrDefault()))
            .Take(ArticleRevisions.PageSize + 1)
            .ToListAsync(ct);
        Revisions = page.Take(ArticleRevisions.PageSize).ToList();
        OlderThan = page.Count > ArticleRevisions.PageSize ? Revisions[^1].Id : null;
        NewestId = before is null
            ? Revisions.FirstOrDefault()?.Id
            : await db.ArticleRevisions.NewestFirst(id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

        // With nothing chosen: what the last save changed. With one side chosen: it against the article as it stands.
        if (from is null && to is null && before is null && Revisions.Count >= 2) (from, to) = (Revisions[1].Id, Revisions[0].Id);
        to ??= NewestId;
        if (from is { } f && to is { } t && f != t)
            Comparison = await RevisionComparison.LoadAsync(db, id, Math.Min(f, t), Math.Max(f, t), ct);
        return true;
    }
}
