using System.ComponentModel.DataAnnotations;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Madar21.Web.Pages.Admin.Login;

/// <summary>
/// The second step of signing in, after a right password: the six-digit code of the authenticator app, or one of
/// the account's recovery codes, in the same field.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public class TwoFactorModel(StaffSignIn signIn) : PageModel
{
    public const string Refused = "الرمز غير صحيح. اكتب الرمز الظاهر الآن في تطبيق المصادقة، أو أحد رموز الاسترداد.";
    public const string Expired = "انتهت مهلة هذه الخطوة. سجّل الدخول من جديد.";

    [BindProperty, Required(ErrorMessage = "اكتب الرمز.")]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberBrowser { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await signIn.SignInWithCodeAsync(Code!, RememberBrowser))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(StaffReturnUrl.Resolve(Url, ReturnUrl));
            case SignInOutcome.Expired:
                TempData["Notice"] = Expired;
                return RedirectToPage("/Admin/Login", new { returnUrl = StaffReturnUrl.Resolve(Url, ReturnUrl) });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", LoginModel.LockedOut);
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), Refused);
                return Page();
        }
    }
}
