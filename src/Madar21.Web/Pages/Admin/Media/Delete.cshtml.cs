using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Media;

/// <summary>
/// Deleting a picture: a confirmation page (the site works without JavaScript), which names the articles that lead
/// with it or show it in their text; while it is in use, the deletion also needs the box ticked that says those
/// articles will lose it.
/// </summary>
public class DeleteModel(MadarDb db, MediaLibrary library) : PageModel
{
    public const string ConfirmField = "confirm";

    public int Id { get; private set; }
    public string Alt { get; private set; } = "";
    public string? ThumbnailUrl { get; private set; }
    public List<MediaUse> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = ConfirmField)] bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Uses.Count > 0 && !confirm)
        {
            ModelState.AddModelError(ConfirmField, "الصورة مستعملة: أكّد أن المقالات المذكورة ستبقى بدونها.");
            return Page();
        }
        await library.DeleteAsync(id, User.StaffId(), ct);
        TempData["Notice"] = "حُذفت الصورة.";
        return RedirectToPage("/Admin/Media/Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var picture = await db.Media.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                m.Alt,
                Thumbnail = m.Variants.Where(v => v.Kind == Models.MediaVariantKind.Responsive && v.Format == Models.MediaFormat.Webp)
                    .OrderBy(v => v.Width).Select(v => v.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (picture is null) return false;
        (Id, Alt, ThumbnailUrl) = (id, picture.Alt, picture.Thumbnail is null ? null : MediaSetup.PublicPath + picture.Thumbnail);
        Uses = [.. (await MediaUses.LoadAsync(db, db.Articles, [id], ct))[id]];
        return true;
    }
}
