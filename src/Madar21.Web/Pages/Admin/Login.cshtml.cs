using Madar21.Web.Text;
using System.ComponentModel.DataAnnotations;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Madar21.Web.Pages.Admin;

[EnableRateLimiting(SignInRateLimit.Policy)]
public class LoginModel(StaffSignIn signIn) : PageModel
{
    public const string Refused = "البريد الإلكتروني أو كلمة المرور غير صحيحة.";
    public static readonly string LockedOut = $"أُوقف الدخول مؤقتاً بعد محاولات فاشلة متكررة. حاول مرة أخرى بعد {ArabicPlural.Format((long)Madar21.Web.Admin.LoginThrottle.LockoutDuration.TotalMinutes, ArabicPlural.Minutes, ArabicCase.Oblique)}.";

    [BindProperty, Required(ErrorMessage = "البريد الإلكتروني مطلوب.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "كلمة المرور مطلوبة."), DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.IsStaff() ? LocalRedirect(StaffReturnUrl.Resolve(Url, ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await signIn.SignInAsync(Email!, Password!))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(StaffReturnUrl.Resolve(Url, ReturnUrl));
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToPage("/Admin/Login/TwoFactor", new { returnUrl = StaffReturnUrl.Resolve(Url, ReturnUrl) });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", LockedOut);
                return Page();
            default:
                ModelState.AddModelError("", Refused);
                return Page();
        }
    }
}
