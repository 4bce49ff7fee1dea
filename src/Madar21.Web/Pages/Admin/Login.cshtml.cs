using System.ComponentModel.DataAnnotations;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Pages.Admin;

public class LoginModel(StaffSignIn signIn) : PageModel
{
    public const string Refused = "البريد الإلكتروني أو كلمة المرور غير صحيحة.";
    public const string LockedOut = "أُوقف الدخول مؤقتاً بعد محاولات فاشلة متكررة. حاول مرة أخرى بعد 15 دقيقة.";

    [BindProperty, Required(ErrorMessage = "البريد الإلكتروني مطلوب.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "كلمة المرور مطلوبة."), DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.IsInRole(StaffRoles.Admin) || User.IsInRole(StaffRoles.Editor) ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await signIn.SignInAsync(Email!, Password!))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", LockedOut);
                return Page();
            default:
                ModelState.AddModelError("", Refused);
                return Page();
        }
    }

    // Only an address on this site is followed: a link to /admin/login?ReturnUrl=https://elsewhere cannot send
    // someone who just signed in to another site.
    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin";
}
