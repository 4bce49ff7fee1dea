namespace Madar21.Web.Admin;

/// <summary>
/// Bound from the "Admin" configuration section (environment <c>Admin__Email</c>, <c>Admin__Password</c>).
/// When both are set and no account exists yet, that Admin is created at start-up; otherwise the first start
/// logs a one-time setup URL. Once any account exists, both are ignored (the password is never reset from here).
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Email (and user name) of the first Admin. Default: none.</summary>
    public string? Email { get; set; }

    /// <summary>Password of the first Admin, at least <see cref="StaffRoles.PasswordMinLength"/> characters. Default: none.</summary>
    public string? Password { get; set; }
}
