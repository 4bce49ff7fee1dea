using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Sections;

/// <summary>Renames a section; its old address keeps working (301 to the new one).</summary>
public class EditModel(MadarDb db, SectionEditor editor) : PageModel
{
    public string CurrentName { get; private set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Name = CurrentName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var change = await editor.RenameAsync(id, Name, User.StaffId(), ct);
        return this.AnswerTo(change, nameof(Name), "غُيّر اسم القسم. العنوان القديم يحوّل إلى الجديد.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var name = await db.Sections.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);
        CurrentName = name ?? "";
        return name is not null;
    }
}
