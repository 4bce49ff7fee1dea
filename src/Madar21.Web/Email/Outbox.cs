using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Models;

namespace Madar21.Web.Email;

/// <summary>
/// Where the site's emails are queued: a row written with the change that caused it (saved by the caller, in the
/// same transaction), sent afterwards by <see cref="OutboxSender"/>. A request never waits for a mail server.
/// </summary>
public sealed class Outbox(MadarDb db, EmailProtector emails, TimeProvider clock, OutboxSender sender)
{
    /// <summary>Queues the message; it goes out once the caller has saved and called <see cref="Flush"/>.</summary>
    public void Add(string to, ArabicEmail email, string? unsubscribeUrl = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            ToProtected = emails.Protect(to),
            Subject = email.Subject.Length > OutgoingEmail.SubjectMaxLength ? email.Subject[..(OutgoingEmail.SubjectMaxLength - 1)] + "…" : email.Subject,
            TextBody = email.Text,
            HtmlBody = email.Html,
            UnsubscribeUrl = unsubscribeUrl,
            Status = OutgoingEmailStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>After saving: the sender looks at the queue now rather than at its next round.</summary>
    public void Flush() => sender.Wake();
}
