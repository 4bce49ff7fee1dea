using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Media;

/// <summary>/admin/media/{id}/edit: a picture's alt text, caption and credit, changed after the upload.</summary>
public class EditModel(MadarDb db, MediaLibrary library) : PageModel
{
    public int Id { get; private set; }
    public string? ThumbnailUrl { get; private set; }
    public List<MediaUse> Uses { get; private set; } = [];

    [BindProperty] public string? Alt { get; set; }
    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } stored) return NotFound();
        (Alt, Caption, Credit) = stored;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null) return NotFound();
        var text = new PictureText(Alt, Caption, Credit);
        foreach (var (field, message) in text.Errors())
            ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        if (!await library.EditAsync(id, text, User.StaffId(), ct)) return NotFound();
        TempData["Notice"] = "حُفظت بيانات الصورة.";
        return RedirectToPage("/Admin/Media/Index");
    }

    private async Task<PictureText?> LoadAsync(int id, CancellationToken ct)
    {
        var picture = await db.Media.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Text = new PictureText(m.Alt, m.Caption, m.Credit),
                Thumbnail = m.Variants.Where(v => v.Kind == Models.MediaVariantKind.Responsive && v.Format == Models.MediaFormat.Webp)
                    .OrderBy(v => v.Width).Select(v => v.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (picture is null) return null;
        (Id, ThumbnailUrl) = (id, picture.Thumbnail is null ? null : MediaSetup.PublicPath + picture.Thumbnail);
        Uses = [.. (await MediaUses.LoadAsync(db, db.Articles, [id], ct))[id]];
        return picture.Text;
    }
}
