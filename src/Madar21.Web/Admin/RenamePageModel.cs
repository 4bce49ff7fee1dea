using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Admin;

/// <summary>
/// An admin page that renames something whose old public address keeps answering 301 to the new one (a section, a
/// tag): the form shows the current name, and a refused name comes back under the field with what was typed.
/// </summary>
public abstract class RenamePageModel : PageModel
{
    public string CurrentName { get; protected set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Reads what is renamed (its <see cref="CurrentName"/>, and whatever else the page shows); false when it is gone.</summary>
    protected abstract Task<bool> LoadAsync(int id, CancellationToken ct);

    protected abstract Task<ChangeOutcome> RenameAsync(int id, string? name, CancellationToken ct);

    /// <summary>The notice shown on the list after a rename.</summary>
    protected abstract string RenamedNotice { get; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Name = CurrentName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return this.AnswerTo(await RenameAsync(id, Name, ct), nameof(Name), RenamedNotice);
    }
}
