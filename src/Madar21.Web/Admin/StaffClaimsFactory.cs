using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Admin;

/// <summary>
/// The claims of a signed-in staff member, plus whether the account has a second factor. The principal is rebuilt
/// from the database on every request (the security stamp is checked each time), so the claim is always current.
/// </summary>
public sealed class StaffClaimsFactory(StaffUserManager users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<IdentityUser, IdentityRole>(users, roles, options)
{
    public const string TwoFactorClaim = "madar21:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
            identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        return identity;
    }
}
