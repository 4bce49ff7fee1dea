using Microsoft.AspNetCore.Identity;

namespace Madar21.Web.Admin;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Unknown address or wrong password: the same answer for both.</summary>
    Refused,
    /// <summary>Too many failures (or a disabled account): refused even with the right password.</summary>
    LockedOut,
}

/// <summary>
/// Signs staff in by email and password. An unknown address costs the same password-hash work and gets the
/// same answers, in the same order, as a wrong password, so that sign-in never tells which accounts exist.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<IdentityUser> signIn,
    StaffUserManager users,
    IPasswordHasher<IdentityUser> hasher,
    LoginThrottle throttle,
    ILogger<StaffSignIn> log)
{
    // A real hash of a random password, checked against for unknown addresses so they take as long as known ones.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new IdentityUser(), DecoyHash.Value, password);
            if (throttle.IsLocked(email)) return SignInOutcome.LockedOut;
            log.LogWarning("Failed sign-in for an address with no account");
            return throttle.RecordFailure(email) ? SignInOutcome.LockedOut : SignInOutcome.Refused;
        }

        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, DecoyHash.Value, password);
            return SignInOutcome.LockedOut;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("Account {UserId} signed in", user.Id);
            return SignInOutcome.SignedIn;
        }
        log.LogWarning("Failed sign-in for account {UserId} ({Result})", user.Id, result.IsLockedOut ? "locked out" : "refused");
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Refused;
    }

    public async Task SignOutAsync(string? userId)
    {
        await signIn.SignOutAsync();
        log.LogInformation("Account {UserId} signed out", userId);
    }
}
