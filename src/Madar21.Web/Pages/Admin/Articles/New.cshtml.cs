using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Madar21.Web.Revisions;
using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Pages.Admin.Articles;

public class NewModel(MadarDb db, ArticleEditor editor) : ArticleFormModel(db, editor)
{
    public async Task OnGetAsync(string? kept, [FromServices] KeptArticleForms keptForms, CancellationToken ct)
    {
        await LoadSectionsAsync(ct);
        await FillFromKeptAsync(keptForms, kept, ct);
        Authors = [.. await ArticleAuthors.CreatorAsync(Db, EditorName, ct)]; // by default, the byline of whoever writes it
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await this.MaySaveAsync(NewsroomRules.NewArticleBy(User), Status, isNew: true)) return Forbid();
        if (!ModelState.IsValid) return await InvalidAsync(await Editor.ValidateAsync(Input, null, ct), ct);
        var result = await Editor.CreateAsync(Input, EditorName, ct);
        if (!result.Succeeded) return await InvalidAsync(result.Errors, ct);
        TempData["Notice"] = Status == ArticleStatus.PendingReview ? "أُرسل المقال للمراجعة." : "حُفظ المقال.";
        return RedirectToPage("Edit", new { id = result.Article!.Id });
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => PreviewAsync(ct);
}
