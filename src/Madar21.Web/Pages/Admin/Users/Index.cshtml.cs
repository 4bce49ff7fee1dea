using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Madar21.Web.Admin;
using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Users;

/// <summary>
/// Accounts, for Admins only: add, disable, enable, remove (password resets have their own page). Nobody can
/// disable or remove their own account, nor the last active Admin, so that someone can always get in.
/// </summary>
public class IndexModel(MadarDb db, StaffUserManager users, ILogger<IndexModel> log) : PageModel
{
    [BindProperty, Required(ErrorMessage = "البريد الإلكتروني مطلوب."), EmailAddress(ErrorMessage = "البريد الإلكتروني غير صالح.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "كلمة المرور مطلوبة."), DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty]
    public string Role { get; set; } = StaffRoles.Editor;

    public List<Row> Accounts { get; private set; } = [];

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
                log.LogInformation("{Admin} added an {Role} account", Admin, Role);
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
            log.LogInformation("{Admin} disabled account {UserId}", Admin, user.Id);
        });

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, ct, "فُعّل الحساب.", async user =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            log.LogInformation("{Admin} enabled account {UserId}", Admin, user.Id);
        }, guarded: false);

    public Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, ct, "حُذف الحساب.", async user =>
        {
            await users.DeleteAsync(user);
            log.LogInformation("{Admin} removed account {UserId}", Admin, user.Id);
        });

    private string Admin => User.Identity?.Name ?? "unknown";

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
        var now = users.UtcNow;
        Accounts = accounts.Select(u => new Row(
                u.Id, u.Email ?? u.UserName ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").FirstOrDefault() ?? "",
                u.LockoutEnd == StaffUserManager.DisabledUntil ? AccountState.Disabled
                    : u.LockoutEnd > now ? AccountState.LockedOut
                    : AccountState.Active))
            .ToList();
    }

    public enum AccountState { Active, LockedOut, Disabled }

    public sealed record Row(string Id, string Email, string Role, AccountState State)
    {
        public string StateText => State switch
        {
            AccountState.Disabled => "موقوف",
            AccountState.LockedOut => "مقفل مؤقتاً",
            _ => "مفعّل",
        };
    }
}
