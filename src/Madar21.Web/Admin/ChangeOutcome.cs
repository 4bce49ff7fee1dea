using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Admin;

/// <summary>
/// The outcome of a change staff ask of an editor service (a section, a tag): not found, refused with an Arabic
/// reason, or done.
/// </summary>
public sealed record ChangeOutcome(bool Found, string? Error)
{
    public static readonly ChangeOutcome Done = new(true, null);
    public static readonly ChangeOutcome NotFound = new(false, null);
    public static ChangeOutcome Refused(string error) => new(true, error);
}

public static class ChangeOutcomeResults
{
    /// <summary>
    /// How an admin form answers a change: 404 when the thing is gone; the form again, with the reason under
    /// <paramref name="field"/> and what was typed, when refused; otherwise the notice, then Post/Redirect/Get to the list.
    /// </summary>
    public static IActionResult AnswerTo(this PageModel page, ChangeOutcome change, string field, string notice)
    {
        if (!change.Found) return page.NotFound();
        if (change.Error is { } error)
        {
            page.ModelState.AddModelError(field, error);
            return page.Page();
        }
        page.TempData["Notice"] = notice;
        return page.RedirectToPage("Index");
    }
}
