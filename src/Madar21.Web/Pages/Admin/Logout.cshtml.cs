using System.Security.Claims;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Pages.Admin;

/// <summary>Signing out is a POST (from the button in the admin navigation); a GET only leads back.</summary>
public class LogoutModel(StaffSignIn signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User.FindFirstValue(ClaimTypes.NameIdentifier));
        return LocalRedirect("/admin/login");
    }
}
