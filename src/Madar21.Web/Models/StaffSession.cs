namespace Madar21.Web.Models;

/// <summary>
/// A signed-in staff session, kept on the server: the sign-in cookie carries only <see cref="Id"/>, so signing
/// out (which deletes the row) ends the session even for a copy of the cookie taken before.
/// </summary>
public class StaffSession
{
    public const int IdLength = 43; // 32 random bytes, base64url

    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The authentication ticket (claims and properties) as ASP.NET Core serialises it.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime ExpiresAt { get; set; }
}
