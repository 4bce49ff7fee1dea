using Madar21.Web.Admin;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Pages.Admin.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Account;

/// <summary>
/// The public profile (name, bio, picture) of the signed-in account, at /admin/account/profile; an Admin edits
/// anyone's at /admin/account/profile/{account id} (linked from the accounts page). Anyone else asking for another's gets 403.
/// </summary>
public class ProfileModel(MadarDb db, StaffProfiles profiles) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Bio { get; set; }
    [BindProperty] public int? PictureMediaId { get; set; }

    public StaffProfile Profile { get; private set; } = null!;
    public bool IsOwn { get; private set; }
    public List<LeadChoice> PictureChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        (DisplayName, Bio, PictureMediaId) = (Profile.DisplayName, Profile.Bio, Profile.PictureMediaId);
        PictureChoices = await LeadChoice.LoadAsync(db, PictureMediaId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var input = new ProfileInput(DisplayName, Bio, PictureMediaId);
        var errors = ModelState.IsValid ? await profiles.SaveAsync(Profile, input, User.StaffId(), ct) : await profiles.ValidateAsync(input, ct);
        if (errors.Count == 0 && ModelState.IsValid)
        {
            TempData["Notice"] = "حُفظ الملف التعريفي.";
            return RedirectToPage(new { id });
        }
        // The form again, with what was typed and a message beside each field that broke a rule.
        foreach (var error in errors)
            if (ModelState.GetFieldValidationState(error.Field) != ModelValidationState.Invalid)
                ModelState.AddModelError(error.Field, error.Message);
        PictureChoices = await LeadChoice.LoadAsync(db, PictureMediaId, ct);
        return Page();
    }

    /// <summary>The profile asked for, or why not: 404 for none, 403 for another's profile when not an Admin.</summary>
    private async Task<IActionResult?> LoadAsync(string? id, CancellationToken ct)
    {
        var userId = User.StaffId();
        if (id is null || id == userId)
        {
            if (await profiles.EnsureAsync(userId, ct) is not { } own) return NotFound();
            (Profile, IsOwn) = (own, true);
            return null;
        }
        if (!User.IsInRole(StaffRoles.Admin)) return StatusCode(StatusCodes.Status403Forbidden);
        if (await profiles.EnsureAsync(id, ct) is not { } other) return NotFound();
        Profile = other;
        return null;
    }
}
