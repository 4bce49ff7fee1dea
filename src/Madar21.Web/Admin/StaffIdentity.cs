using System.Security.Claims;

namespace Madar21.Web.Admin;

/// <summary>
/// The one way to name the signed-in staff member in a log line or the audit log: the account id. The user name
/// (<c>User.Identity.Name</c>) is the email address, which never goes into a log.
/// </summary>
public static class StaffIdentity
{
    public const string Anonymous = "anonymous";

    /// <summary>The length of a column holding an account id: Identity's own for <c>AspNetUsers.Id</c>.</summary>
    public const int IdMaxLength = 450;

    public static string StaffId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous;

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Editor) || user.IsInRole(StaffRoles.Writer);
}
