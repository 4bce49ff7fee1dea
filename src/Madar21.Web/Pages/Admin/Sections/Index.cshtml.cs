using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Sections;

/// <summary>The sections, in navigation order: add, move up or down, delete an empty one; renaming has its own page.</summary>
public class IndexModel(MadarDb db, SectionEditor editor) : PageModel
{
    /// <summary>The new section's name (the add form posts <c>name</c>).</summary>
    [BindProperty]
    public string? Name { get; set; }

    public List<Row> Sections { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var change = await editor.AddAsync(Name, Editor, ct);
        if (change.Error is { } error) return await InvalidAsync(nameof(Name), error, ct);
        TempData["Notice"] = "أُضيف القسم.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int step, CancellationToken ct)
    {
        var change = await editor.MoveAsync(id, step, Editor, ct);
        return change.Found ? RedirectToPage() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var change = await editor.DeleteAsync(id, Editor, ct);
        if (!change.Found) return NotFound();
        if (change.Error is { } error) return await InvalidAsync("", error, ct);
        TempData["Notice"] = "حُذف القسم.";
        return RedirectToPage();
    }

    private string Editor => User.StaffId();

    private async Task<IActionResult> InvalidAsync(string field, string error, CancellationToken ct)
    {
        ModelState.AddModelError(field, error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sections = await db.Sections.AsNoTracking()
            .InNavigationOrder()
            .Select(s => new Row(s.Id, s.Name, s.Articles.Count))
            .ToListAsync(ct);

    public sealed record Row(int Id, string Name, int Articles);
}
