using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

/// <summary>A confirmation page, because the site works without JavaScript and a delete must not be one stray click.</summary>
public class DeleteModel(MadarDb db, ArticleEditor editor) : PageModel
{
    public int Id { get; private set; }
    public string ArticleTitle { get; private set; } = "";
    public bool FromSeed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Title, a.SeedKey, a.CreatedById, a.Status }).FirstOrDefaultAsync(ct);
        if (article is null) return NotFound();
        if (!await this.MayAsync(ArticleOperation.Delete, new ArticleFacts(article.CreatedById, article.Status))) return Forbid();
        (Id, ArticleTitle, FromSeed) = (id, article.Title, article.SeedKey is not null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var facts = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleFacts(a.CreatedById, a.Status)).FirstOrDefaultAsync(ct);
        if (facts is null) return NotFound();
        if (!await this.MayAsync(ArticleOperation.Delete, facts)) return Forbid();
        var outcome = await editor.DeleteAsync(id, User.StaffId(), ct);
        if (outcome == ArticleDeletion.NotFound) return NotFound();
        TempData["Notice"] = outcome == ArticleDeletion.Deleted
            ? "حُذف المقال."
            : "أُخفي المقال وصار مسودة، لأنه مستورد من ملف ولن يعيده الاستيراد.";
        return RedirectToPage("Index");
    }
}
