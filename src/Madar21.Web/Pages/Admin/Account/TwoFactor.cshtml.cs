using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Pages.Admin.Account;

/// <summary>
/// The signed-in staff member's own second factor: set it up (QR code drawn here, a code to confirm), get ten new
/// recovery codes, forget this browser, or switch it off (unless an Admin requires it). Open to an account without
/// a second factor even while one is required: it is where such an account is sent.
/// </summary>
[AllowWithoutTwoFactor]
public class TwoFactorModel(
    StaffUserManager users, SignInManager<IdentityUser> signIn, TwoFactorRequirement requirement, AuditTrail audit,
    ILogger<TwoFactorModel> log) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string NewCodesKey = "RecoveryCodes";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public bool BrowserRemembered { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? QrCode { get; private set; }
    public string? ReadableKey { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    /// <summary>The code the app shows, to confirm the setup (posted as <c>code</c>).</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ContinueUrl => StaffReturnUrl.Resolve(Url, ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        if (TempData[NewCodesKey] is string codes) NewRecoveryCodes = codes.Split(' ');
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        var code = Code?.Replace(" ", "").Replace("-", "").Trim() ?? "";
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0
                ? "اكتب الرمز الظاهر في التطبيق."
                : "الرمز غير صحيح. تأكد من ضبط ساعة الهاتف، واكتب الرمز الظاهر الآن.");
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditAction.TwoFactorEnabled, $"account {user.Id}");
        log.LogInformation("Account {UserId} switched on two-factor sign-in", user.Id);
        return await ShowNewCodesAsync(user, "فُعّل التحقق بخطوتين. احفظ رموز الاسترداد الآن: لن تظهر مرة أخرى.");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        await audit.RecordAsync(AuditAction.RecoveryCodesRenewed, $"account {user.Id}");
        log.LogInformation("Account {UserId} made new recovery codes", user.Id);
        return await ShowNewCodesAsync(user, "رموز استرداد جديدة. الرموز السابقة لم تعد صالحة.");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await requirement.IsOnAsync())
        {
            ModelState.AddModelError("", "التحقق بخطوتين إلزامي لكل الحسابات في هذا الموقع، فلا يمكن إيقافه.");
            await LoadAsync(user);
            return Page();
        }
        await users.RemoveTwoFactorAsync(user);
        await audit.RecordAsync(AuditAction.TwoFactorDisabled, $"account {user.Id}");
        log.LogInformation("Account {UserId} switched off two-factor sign-in", user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "أُوقف التحقق بخطوتين.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        TempData["Notice"] = "سيُطلب الرمز في هذا المتصفح عند الدخول القادم.";
        return RedirectToPage();
    }

    /// <summary>New recovery codes, which replace the old ones, shown once on the page the redirect leads to.</summary>
    private async Task<IActionResult> ShowNewCodesAsync(IdentityUser user, string notice)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // The stamp changed with the second factor: a new session for this browser, the others end.
        await signIn.RefreshSignInAsync(user);
        TempData[NewCodesKey] = string.Join(' ', codes ?? []);
        TempData["Notice"] = notice;
        return RedirectToPage(new { returnUrl = ReturnUrl });
    }

    private async Task LoadAsync(IdentityUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = await requirement.IsOnAsync();
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            BrowserRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
            return;
        }
        var key = await users.AuthenticatorKeyAsync(user);
        ReadableKey = AuthenticatorSetup.Readable(key);
        QrCode = AuthenticatorSetup.QrCodeDataUri(AuthenticatorSetup.OtpAuthUri(user.Email ?? user.Id, key));
    }
}
