using System.ComponentModel.DataAnnotations;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Pages.Admin.Users;

/// <summary>An Admin sets a new password for an account; the account's open sessions end.</summary>
public class PasswordModel(StaffUserManager users, AuditTrail audit, ILogger<PasswordModel> log) : PageModel
{
    public string AccountEmail { get; private set; } = "";

    [BindProperty, Required(ErrorMessage = "كلمة المرور مطلوبة."), DataType(DataType.Password)]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        AccountEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        AccountEmail = user.Email ?? "";
        if (!ModelState.IsValid) return Page();

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(nameof(Password), error.Description);
            return Page();
        }
        await audit.RecordAsync(AuditAction.PasswordReset, $"account {user.Id}");
        log.LogInformation("Staff {StaffId} reset the password of account {UserId}", User.StaffId(), user.Id);
        TempData["Notice"] = "غُيّرت كلمة المرور.";
        return RedirectToPage("Index");
    }
}
