using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.SitePages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.SitePages;

/// <summary>Writes a new site page (no id) or edits one; Markdown, rendered with the articles' rules.</summary>
public class EditModel(MadarDb db, SitePageEditor editor) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public int Position { get; set; }

    public int? Id { get; private set; }

    /// <summary>The page's public address, once it exists.</summary>
    public string? PublicUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            Position = await db.SitePages.Select(p => (int?)p.Position).MaxAsync(ct) + 1 ?? 1;
            return Page();
        }
        var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return NotFound();
        (Id, Title, Slug, Description, Markdown, Position) = (page.Id, page.Title, page.Slug, page.Description, page.Markdown, page.Position);
        PublicUrl = SitePageLinks.UrlOf(page.Slug);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var (page, errors) = await editor.SaveAsync(id, new SitePageInput(Title, Slug, Description, Markdown, Position), User.StaffId(), ct);
        if (page is null)
        {
            foreach (var error in errors) ModelState.AddModelError(error.Field, error.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Notice"] = "حُفظت الصفحة.";
        return RedirectToPage(new { id = page.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await editor.DeleteAsync(id, User.StaffId(), ct)) return NotFound();
        TempData["Notice"] = "حُذفت الصفحة.";
        return RedirectToPage("/Admin/SitePages/Index");
    }
}
