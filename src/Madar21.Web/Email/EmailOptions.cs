using MailKit.Security;

namespace Madar21.Web.Email;

/// <summary>Bound from the "Email" configuration section; every default below is what runs when nothing is set.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Where messages are written as <c>.eml</c> files while <see cref="SmtpOptions.Host"/> is empty. Default: the
    /// git-ignored <c>data/mail</c> folder at the repository root (beside the database).
    /// </summary>
    public string? PickupFolder { get; set; }

    /// <summary>Moderators get at most one email about held comments in this time. Default 15 minutes.</summary>
    public TimeSpan ModerationDigestInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts at one message before it is given up (logged, kept as Failed). Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles after each one, up to an hour. Default 1 minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server. Default: none, and messages go to <see cref="EmailOptions.PickupFolder"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>Default 587 (submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary>User name for SMTP authentication; none: no authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// TLS mode (MailKit's <see cref="SecureSocketOptions"/>): <c>StartTls</c> (default: refuses a server that does not
    /// offer it), <c>SslOnConnect</c> (port 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c>, or <c>None</c> for a
    /// server on the same machine.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The sender, e.g. <c>مدار21 &lt;no-reply@example.ma&gt;</c>. Default <c>مدار21 &lt;no-reply@localhost&gt;</c>.</summary>
    public string From { get; set; } = "مدار21 <no-reply@localhost>";
}
