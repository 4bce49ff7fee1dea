using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Admin;

/// <summary>
/// Identity's user manager, with three changes. Failed sign-ins are counted by <see cref="LoginThrottle"/> (the
/// same count, in a 15-minute window, as for names that have no account) rather than in the account's row, where
/// they never decay; Identity's lockout end now only marks a disabled account. The lockout clock is the site's
/// <see cref="TimeProvider"/>. And recovery codes are stored as hashes, so the database never holds a usable one.
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
    TimeProvider clock,
    LoginThrottle throttle)
    : UserManager<IdentityUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>The lock end that disables an account until an Admin enables it again.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public override async Task<bool> IsLockedOutAsync(IdentityUser user)
    {
        if (!await GetLockoutEnabledAsync(user)) return false;
        return throttle.IsLocked(user.Email) || await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    public override Task<IdentityResult> AccessFailedAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (throttle.RecordFailure(user.Email))
            Logger.LogWarning("Account {UserId} locked for {Minutes} minutes after {Failures} failed sign-ins",
                user.Id, LoginThrottle.LockoutDuration.TotalMinutes, LoginThrottle.MaxFailedAttempts);
        return Task.FromResult(IdentityResult.Success);
    }

    public override Task<IdentityResult> ResetAccessFailedCountAsync(IdentityUser user)
    {
        throttle.Reset(user.Email);
        return base.ResetAccessFailedCountAsync(user);
    }

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(IdentityUser user, int number)
    {
        var codes = Enumerable.Range(0, number).Select(_ => CreateTwoFactorRecoveryCode()).Distinct().ToList();
        await RecoveryCodes.ReplaceCodesAsync(user, codes.Select(HashRecoveryCode), CancellationToken);
        return (await UpdateAsync(user)).Succeeded ? codes : null;
    }

    public override async Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(IdentityUser user, string code)
    {
        if (await RecoveryCodes.RedeemCodeAsync(user, HashRecoveryCode(code), CancellationToken))
            return await UpdateAsync(user);
        return IdentityResult.Failed(ErrorDescriber.RecoveryCodeRedemptionFailed());
    }

    /// <summary>
    /// The account's authenticator key, made on first use. Unlike <see cref="UserManager{TUser}.ResetAuthenticatorKeyAsync"/>
    /// it leaves the security stamp alone: a key that is not switched on yet opens nothing, so no session need end.
    /// </summary>
    public async Task<string> AuthenticatorKeyAsync(IdentityUser user)
    {
        if (await GetAuthenticatorKeyAsync(user) is { Length: > 0 } key) return key;
        key = GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<IdentityUser>)Store).SetAuthenticatorKeyAsync(user, key, CancellationToken);
        await UpdateAsync(user);
        return key;
    }

    /// <summary>Takes the second factor off an account: a new key, no recovery codes, and every session and remembered browser ended.</summary>
    public async Task<IdentityResult> RemoveTwoFactorAsync(IdentityUser user)
    {
        await RecoveryCodes.ReplaceCodesAsync(user, [], CancellationToken);
        await SetTwoFactorEnabledAsync(user, false);
        return await ResetAuthenticatorKeyAsync(user);
    }

    private IUserTwoFactorRecoveryCodeStore<IdentityUser> RecoveryCodes => (IUserTwoFactorRecoveryCodeStore<IdentityUser>)Store;

    // Codes are random (about 50 bits) and tried through a throttled form, so a plain SHA-256 is enough; typed
    // with or without the dash, in either case, they mean the same.
    private static string HashRecoveryCode(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "").Replace(" ", "").Trim().ToUpperInvariant())));

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
