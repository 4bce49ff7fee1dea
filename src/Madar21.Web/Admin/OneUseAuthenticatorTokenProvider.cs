using Madar21.Web.Site.Cluster;
using Microsoft.AspNetCore.Identity;

namespace Madar21.Web.Admin;

/// <summary>
/// Identity's authenticator (TOTP) check, with each code accepted once per account: Identity alone accepts a code
/// for 90 seconds either side of now, so a code seen over someone's shoulder would open a second session. RFC 6238
/// (section 5.2) asks the verifier not to accept a code twice.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(UsedAuthenticatorCodes used) : AuthenticatorTokenProvider<IdentityUser>
{
    public const string Name = "OneUseAuthenticator";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user) =>
        await base.ValidateAsync(purpose, token, manager, user) && used.TryUse(user.Id, token.Trim());
}

/// <summary>
/// The authenticator codes accepted in the last few minutes, per account (a code lives 3 minutes at most), on every
/// node: a code used on one node is refused by the others (<see cref="SharedOnce"/>).
/// </summary>
public sealed class UsedAuthenticatorCodes(SharedOnce once)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    public bool TryUse(string userId, string code) => once.TryClaim($"totp:{userId}:{code}", Remember);
}
