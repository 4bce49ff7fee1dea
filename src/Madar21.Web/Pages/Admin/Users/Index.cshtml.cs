using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Users;

/// <summary>
/// Accounts, for Admins only: add, change the role, disable, enable, remove, take off the second factor (password
/// resets have their own page), and require a second factor of every account. Nobody can disable, remove or demote
/// their own account, nor the last active Admin, so that someone can always get in.
/// </summary>
public class IndexModel(MadarDb db, StaffUserManager users, TwoFactorRequirement twoFactor, AuditTrail audit, ILogger<IndexModel> log) : PageModel
{
    [BindProperty, Required(ErrorMessage = "البريد الإلكتروني مطلوب."), EmailAddress(ErrorMessage = "البريد الإلكتروني غير صالح.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "كلمة المرور مطلوبة."), DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty]
    public string Role { get; set; } = StaffRoles.Editor;

    public List<Row> Accounts { get; private set; } = [];

    public bool TwoFactorRequired { get; private set; }

    public string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!StaffRoles.All.Contains(Role)) ModelState.AddModelError(nameof(Role), "اختر دوراً.");
        if (ModelState.IsValid)
        {
            var result = await users.CreateStaffAsync(Email!, Password!, Role);
            if (result.Succeeded)
            {
                var added = await users.FindByEmailAsync(Email!);
                await audit.RecordAsync(AuditAction.AccountAdded, $"account {added?.Id} as {Role}");
                log.LogInformation("Staff {StaffId} added account {UserId} as {Role}", User.StaffId(), added?.Id, Role);
                TempData["Notice"] = "أُنشئ الحساب.";
                return RedirectToPage();
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, ct, "أُوقف الحساب.", async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, StaffUserManager.DisabledUntil);
            await users.UpdateSecurityStampAsync(user); // ends its open sessions
            await audit.RecordAsync(AuditAction.AccountDisabled, $"account {user.Id}");
            log.LogInformation("Staff {StaffId} disabled account {UserId}", User.StaffId(), user.Id);
        });

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, ct, "فُعّل الحساب.", async user =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordAsync(AuditAction.AccountEnabled, $"account {user.Id}");
            log.LogInformation("Staff {StaffId} enabled account {UserId}", User.StaffId(), user.Id);
        }, guarded: false);

    public Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, ct, "حُذف الحساب.", async user =>
        {
            await users.DeleteAsync(user);
            await audit.RecordAsync(AuditAction.AccountRemoved, $"account {user.Id}");
            log.LogInformation("Staff {StaffId} removed account {UserId}", User.StaffId(), user.Id);
        });

    /// <summary>Moves an account to the other role; taking the Admin role away is guarded like disabling.</summary>
    public async Task<IActionResult> OnPostRoleAsync(string id, [FromForm(Name = "newRole")] string role, CancellationToken ct)
    {
        if (!StaffRoles.All.Contains(role)) return await RefuseAsync("اختر دوراً.", ct);
        if (id == CurrentUserId) return await RefuseAsync("لا يمكنك تغيير دور حسابك.", ct);
        if (await users.FindByIdAsync(id) is { } target && await users.IsInRoleAsync(target, role))
            return RedirectToPage();
        return await ChangeAsync(id, ct, "غُيّر الدور.", async user =>
        {
            var from = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            if (from.Length > 0) await users.RemoveFromRoleAsync(user, from); // the security stamp changes: its sessions pick up the new role
            await users.AddToRoleAsync(user, role);
            await audit.RecordAsync(AuditAction.RoleChanged, $"account {user.Id}: {from} → {role}");
            log.LogInformation("Staff {StaffId} changed the role of account {UserId} to {Role}", User.StaffId(), user.Id, role);
        }, guarded: role != StaffRoles.Admin);
    }

    /// <summary>For a lost phone: the account signs in with its password alone until it sets up a new second factor.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, ct, "أُلغي التحقق بخطوتين لهذا الحساب؛ سيُطلب منه إعداده من جديد.", async user =>
        {
            await users.RemoveTwoFactorAsync(user);
            await audit.RecordAsync(AuditAction.TwoFactorReset, $"account {user.Id}");
            log.LogInformation("Staff {StaffId} took the second factor off account {UserId}", User.StaffId(), user.Id);
        }, guarded: false);

    public async Task<IActionResult> OnPostRequireTwoFactorAsync(bool required, CancellationToken ct)
    {
        await twoFactor.SetAsync(required, ct);
        await audit.RecordAsync(AuditAction.TwoFactorRequirementChanged, required ? "required" : "optional", ct: ct);
        log.LogInformation("Staff {StaffId} made two-factor sign-in {Requirement}", User.StaffId(), required ? "required" : "optional");
        TempData["Notice"] = required
            ? "صار التحقق بخطوتين إلزامياً: يُطلب من كل حساب بلا تحقق بخطوتين إعداده بعد الدخول."
            : "صار التحقق بخطوتين اختيارياً.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ChangeAsync(string id, CancellationToken ct, string done, Func<Microsoft.AspNetCore.Identity.IdentityUser, Task> change, bool guarded = true)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (guarded && user.Id == CurrentUserId)
            return await RefuseAsync("لا يمكنك إيقاف حسابك أو حذفه.", ct);
        if (guarded && await users.IsInRoleAsync(user, StaffRoles.Admin) && await ActiveAdminCountAsync() <= 1)
            return await RefuseAsync("هذا آخر حساب مدير مفعّل.", ct);
        await change(user);
        TempData["Notice"] = done;
        return RedirectToPage();
    }

    private async Task<int> ActiveAdminCountAsync()
    {
        var count = 0;
        foreach (var admin in await users.GetUsersInRoleAsync(StaffRoles.Admin))
            if (!await users.IsDisabledAsync(admin)) count++;
        return count;
    }

    private async Task<IActionResult> RefuseAsync(string error, CancellationToken ct)
    {
        ModelState.AddModelError("", error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        TwoFactorRequired = await twoFactor.IsOnAsync(ct);
        var rows = new List<Row>();
        foreach (var u in accounts)
            rows.Add(new Row(
                u.Id, u.Email ?? u.UserName ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").FirstOrDefault() ?? "",
                u.LockoutEnd == StaffUserManager.DisabledUntil ? AccountState.Disabled
                    : await users.IsLockedOutAsync(u) ? AccountState.LockedOut
                    : AccountState.Active,
                u.TwoFactorEnabled));
        Accounts = rows;
    }

    public enum AccountState { Active, LockedOut, Disabled }

    public sealed record Row(string Id, string Email, string Role, AccountState State, bool TwoFactor)
    {
        public string StateText => State switch
        {
            AccountState.Disabled => "موقوف",
            AccountState.LockedOut => "مقفل مؤقتاً",
            _ => "مفعّل",
        };
    }
}
