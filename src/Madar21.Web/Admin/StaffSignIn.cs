using Madar21.Web.Models;
using Microsoft.AspNetCore.Identity;

namespace Madar21.Web.Admin;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Unknown address, disabled account or wrong password: the same answer for all three.</summary>
    Refused,
    /// <summary>Too many failures on this name (whether or not it has an account): refused even with the right password.</summary>
    LockedOut,
    /// <summary>The password was right; the account's second factor is asked next.</summary>
    RequiresTwoFactor,
    /// <summary>The second step came too late (or without the first): sign in again.</summary>
    Expired,
}

/// <summary>
/// Signs staff in by email and password, then by a second factor where the account has one. An unknown address
/// and a disabled account cost the same password-hash work and get the same answers, in the same order, as a
/// wrong password, so that sign-in never tells which accounts exist or which are disabled.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<IdentityUser> signIn,
    StaffUserManager users,
    IPasswordHasher<IdentityUser> hasher,
    LoginThrottle throttle,
    AuditTrail audit,
    ILogger<StaffSignIn> log)
{
    // A real hash of a random password, checked against for unknown addresses so they take as long as known ones.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsDisabledAsync(user))
        {
            hasher.VerifyHashedPassword(new IdentityUser(), DecoyHash.Value, password);
            await FailedAsync(user, "password");
            if (throttle.IsLocked(email)) return SignInOutcome.LockedOut;
            return throttle.RecordFailure(email) ? SignInOutcome.LockedOut : SignInOutcome.Refused;
        }

        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, DecoyHash.Value, password);
            await FailedAsync(user, "locked");
            return SignInOutcome.LockedOut;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return await SignedInAsync(user, "password");
        if (result.RequiresTwoFactor) return SignInOutcome.RequiresTwoFactor;
        await FailedAsync(user, "password");
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Refused;
    }

    /// <summary>
    /// The second step: a six-digit code from the authenticator app, or one of the account's recovery codes.
    /// <paramref name="rememberBrowser"/> skips this step in this browser for 30 days (until the account's
    /// second factor changes).
    /// </summary>
    public async Task<SignInOutcome> SignInWithCodeAsync(string code, bool rememberBrowser)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.Expired;
        if (await users.IsLockedOutAsync(user)) return SignInOutcome.LockedOut;

        var compact = code.Replace(" ", "").Replace("-", "").Trim();
        var isAuthenticatorCode = compact.Length == 6 && compact.All(char.IsAsciiDigit);
        var result = isAuthenticatorCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(compact, isPersistent: false, rememberClient: rememberBrowser)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code.Trim());
        if (result.Succeeded)
        {
            if (!isAuthenticatorCode)
                await audit.RecordAsync(AuditAction.RecoveryCodeUsed, $"{await users.CountRecoveryCodesAsync(user)} left", user.Id);
            return await SignedInAsync(user, isAuthenticatorCode ? "authenticator" : "recovery code");
        }
        if (!isAuthenticatorCode) await users.AccessFailedAsync(user); // Identity counts only failed authenticator codes
        await FailedAsync(user, "second factor");
        return result.IsLockedOut || await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Refused;
    }

    public async Task SignOutAsync(string userId)
    {
        await signIn.SignOutAsync();
        await audit.RecordAsync(AuditAction.SignOut, userId: userId);
        log.LogInformation("Account {UserId} signed out", userId);
    }

    private async Task<SignInOutcome> SignedInAsync(IdentityUser user, string how)
    {
        await audit.RecordAsync(AuditAction.SignIn, how, user.Id);
        log.LogInformation("Account {UserId} signed in ({Method})", user.Id, how);
        return SignInOutcome.SignedIn;
    }

    private async Task FailedAsync(IdentityUser? user, string step)
    {
        await audit.RecordAsync(AuditAction.SignInFailed, step, user?.Id);
        if (user is null) log.LogWarning("Failed sign-in for an address with no account");
        else log.LogWarning("Failed sign-in for account {UserId} at the {Step} step", user.Id, step);
    }
}
