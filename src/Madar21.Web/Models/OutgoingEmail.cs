namespace Madar21.Web.Models;

public enum OutgoingEmailStatus
{
    Queued = 0,
    Sent = 1,
    /// <summary>Every attempt failed; kept for the record, never tried again.</summary>
    Failed = 2,
}

/// <summary>
/// An email waiting to be sent (or sent): written in the same transaction as what caused it, sent by
/// <c>Email.OutboxSender</c> in the background, never inside a request. The address is encrypted like a commenter's.
/// </summary>
public class OutgoingEmail
{
    public const int SubjectMaxLength = 200;

    public int Id { get; set; }

    /// <summary>The recipient, encrypted with Data Protection (<c>Comments.EmailProtector</c>).</summary>
    public required string ToProtected { get; set; }

    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>Sent as List-Unsubscribe, for the mails a reader can stop.</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutgoingEmailStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC: when the next attempt is due.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? SentAt { get; set; }
}
