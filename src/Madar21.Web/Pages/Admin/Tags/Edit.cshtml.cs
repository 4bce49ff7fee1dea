using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Tags;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Tags;

/// <summary>Renames a tag, or merges it into another; its old address answers 301 to the new one.</summary>
public class EditModel(MadarDb db, TagEditor editor) : RenamePageModel
{
    public string CurrentSlug { get; private set; } = "";
    public int Articles { get; private set; }

    /// <summary>The name of the tag to merge this one into, as typed (any spelling of it).</summary>
    [BindProperty] public string? Into { get; set; }

    [BindProperty] public bool Confirm { get; set; }

    protected override string RenamedNotice => "غُيّر اسم الوسم. عنوانه القديم يحوّل إلى الجديد.";

    protected override Task<ChangeOutcome> RenameAsync(int id, string? name, CancellationToken ct) =>
        editor.RenameAsync(id, name, User.StaffId(), ct);

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Name ??= CurrentName;
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "أكّد الدمج: لا يمكن الرجوع عنه.");
            return Page();
        }
        var change = await editor.MergeAsync(id, Into, User.StaffId(), ct);
        return this.AnswerTo(change, nameof(Into), "دُمج الوسمان. عنوان الوسم المدموج يحوّل إلى الوسم الباقي.");
    }

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Name, t.Slug, Articles = db.ArticleTags.Count(a => a.TagId == t.Id) }).FirstOrDefaultAsync(ct);
        if (tag is null) return false;
        (CurrentName, CurrentSlug, Articles) = (tag.Name, tag.Slug, tag.Articles);
        return true;
    }
}
