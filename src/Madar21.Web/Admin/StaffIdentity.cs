using System.Security.Claims;

namespace Madar21.Web.Admin;

/// <summary>
/// The one way to name the signed-in staff member in a log line or the audit log: the account id. The user name
/// (<c>User.Identity.Name</c>) is the email address, which never goes into a log.
/// </summary>
public static class StaffIdentity
{
    public const string Anonymous = "anonymous";

    public static string StaffId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous;

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Editor) || user.IsInRole(StaffRoles.Writer);
}
