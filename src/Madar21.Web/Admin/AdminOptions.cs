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

    /// <summary>
    /// Sign-in posts one client address may make at once; one more is allowed each minute after that. Default 10:
    /// enough for a newsroom signing in from one office address, and far below the 30 failures that lock an account.
    /// </summary>
    public int SignInAttemptsPerAddress { get; set; } = 10;
}
