using Madar21.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Pages.Admin;

/// <summary>
/// Signing out is a POST (from the button in the admin navigation); a GET only leads back. It ends the session on
/// the server, so the sign-in cookie, even a copy of it, opens nothing afterwards.
/// </summary>
[AllowWithoutTwoFactor]
public class LogoutModel(StaffSignIn signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User.StaffId());
        return RedirectToPage("/Admin/Login");
    }
}
