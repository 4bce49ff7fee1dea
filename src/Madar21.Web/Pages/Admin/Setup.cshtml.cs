using System.ComponentModel.DataAnnotations;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Pages.Admin;

/// <summary>The first Admin, through the one-time URL that the site logs when it starts with no account; 404 otherwise.</summary>
public class SetupModel(AdminBootstrap bootstrap, StaffUserManager users, SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "البريد الإلكتروني مطلوب."), EmailAddress(ErrorMessage = "البريد الإلكتروني غير صالح.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "كلمة المرور مطلوبة."), DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty, Required(ErrorMessage = "أعد كتابة كلمة المرور."), DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "كلمتا المرور غير متطابقتين.")]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await bootstrap.IsSetupOpenAsync(Token, users) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await bootstrap.IsSetupOpenAsync(Token, users)) return NotFound();
        if (!ModelState.IsValid) return Page();

        var result = await bootstrap.CreateFirstAdminAsync(Token, Email!, Password!, users);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            return Page();
        }
        await signIn.SignInAsync((await users.FindByEmailAsync(Email!))!, isPersistent: false);
        TempData["Notice"] = "أُنشئ حساب المدير. مرحباً!";
        return RedirectToPage("/Admin/Index");
    }
}
