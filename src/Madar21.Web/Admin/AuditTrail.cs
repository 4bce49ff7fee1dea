using Madar21.Web.Data;
using Madar21.Web.Models;

namespace Madar21.Web.Admin;

/// <summary>
/// Writes the audit log read at /admin/audit. Each entry is saved right after the change it describes (Identity's
/// stores save by themselves, and a new article has no id before its own save). The actor is the signed-in staff
/// member's id (<see cref="StaffIdentity.StaffId"/>) unless given, the address is the request's client address.
/// Subjects name things by id only: never an email address, a commenter's or staff's.
/// </summary>
public sealed class AuditTrail(MadarDb db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds an entry to the context, to be saved by the caller's next SaveChanges.</summary>
    public void Add(AuditAction action, string? subject = null, string? userId = null)
    {
        var context = http.HttpContext;
        var actor = context?.User.StaffId();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? (actor is null or StaffIdentity.Anonymous ? null : actor),
            Action = action,
            Subject = subject is { Length: > AuditEntry.SubjectMaxLength } ? subject[..AuditEntry.SubjectMaxLength] : subject,
            Address = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task RecordAsync(AuditAction action, string? subject = null, string? userId = null, CancellationToken ct = default)
    {
        Add(action, subject, userId);
        await db.SaveChangesAsync(ct);
    }
}
