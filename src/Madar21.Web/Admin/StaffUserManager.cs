using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Admin;

/// <summary>
/// Identity's user manager with the lockout clock taken from <see cref="TimeProvider"/> (Identity reads the
/// system clock directly), so that the 15-minute lockout follows the same clock as the rest of the site.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<IdentityUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<IdentityUser> passwordHasher,
    IEnumerable<IUserValidator<IdentityUser>> userValidators,
    IEnumerable<IPasswordValidator<IdentityUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<IdentityUser>> logger,
    TimeProvider clock)
    : UserManager<IdentityUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>The lock end that disables an account until an Admin enables it again.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public override async Task<bool> IsLockedOutAsync(IdentityUser user)
    {
        if (!await GetLockoutEnabledAsync(user)) return false;
        return await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = (IUserLockoutStore<IdentityUser>)Store;
        var failures = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
            Logger.LogWarning("Account {UserId} locked for {Minutes} minutes after {Failures} failed sign-ins",
                user.Id, Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes, failures);
        }
        return await UpdateUserAsync(user);
    }

    /// <summary>A new account whose user name is its email, in one role; nothing is left behind when a step fails.</summary>
    public async Task<IdentityResult> CreateStaffAsync(string email, string password, string role)
    {
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await CreateAsync(user, password);
        if (!created.Succeeded) return created;
        var inRole = await AddToRoleAsync(user, role);
        if (!inRole.Succeeded) await DeleteAsync(user);
        return inRole;
    }

    public async Task<bool> IsDisabledAsync(IdentityUser user) =>
        await GetLockoutEndDateAsync(user) == DisabledUntil;
}
