using System.Security.Cryptography;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Madar21.Web.Email;

/// <summary>
/// Sends the queued emails in the background: at once when woken, otherwise every minute. A failed message is tried
/// again later, after a wait that doubles each time, and given up after <see cref="EmailOptions.MaxAttempts"/>.
/// Each message is marked sent as soon as it is, so a restart never sends it twice. Sent and failed messages are
/// deleted after <see cref="KeepFor"/>: they hold readers' words and addresses.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, MailTransport transport, EmailProtector emails, TimeProvider clock,
    IOptions<EmailOptions> options, ILogger<OutboxSender> log) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { } // already woken
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try { wait = await SendDueAsync(stop); }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogError(e, "The email outbox could not be read");
                wait = PollInterval;
            }
            if (wait <= TimeSpan.Zero) continue;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var woken = _wake.WaitAsync(either.Token);
            await Task.WhenAny(woken, Task.Delay(wait, clock, either.Token));
            await either.CancelAsync();
            try { await woken; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Sends what is due; returns how long until something else is.</summary>
    public async Task<TimeSpan> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingEmails
            .Where(m => m.Status == OutgoingEmailStatus.Queued && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize).ToListAsync(ct);
        foreach (var mail in due)
        {
            await SendAsync(mail, now, ct);
            await db.SaveChangesAsync(ct);
        }
        if (due.Count == BatchSize) return TimeSpan.Zero;

        await db.OutgoingEmails.Where(m => m.Status != OutgoingEmailStatus.Queued && m.CreatedAt < now - KeepFor).ExecuteDeleteAsync(ct);
        var next = await db.OutgoingEmails.Where(m => m.Status == OutgoingEmailStatus.Queued).MinAsync(m => (DateTime?)m.NextAttemptAt, ct);
        return next is { } at && at - now < PollInterval ? at - now : PollInterval;
    }

    private async Task SendAsync(OutgoingEmail mail, DateTime now, CancellationToken ct)
    {
        MimeMessage message;
        try { message = Compose(mail); }
        catch (CryptographicException)
        {
            mail.Status = OutgoingEmailStatus.Failed; // the key that encrypted the address is gone: no attempt can succeed
            log.LogError("Email {EmailId} cannot be sent: its address cannot be decrypted", mail.Id);
            return;
        }
        try
        {
            await transport.SendAsync(message, ct);
            mail.Status = OutgoingEmailStatus.Sent;
            mail.SentAt = now;
            mail.Attempts++;
            log.LogInformation("Sent email {EmailId} ({Transport})", mail.Id, transport.UsesSmtp ? "smtp" : "pickup folder");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Only the exception's type and the SMTP status: a mail server's message may quote the recipient's address.
            var error = e is MailKit.Net.Smtp.SmtpCommandException smtp ? $"{e.GetType().Name} {(int)smtp.StatusCode} {smtp.ErrorCode}" : e.GetType().Name;
            mail.Attempts++;
            if (mail.Attempts >= options.Value.MaxAttempts)
            {
                mail.Status = OutgoingEmailStatus.Failed;
                log.LogError("Gave up email {EmailId} after {Attempts} attempts ({Error})", mail.Id, mail.Attempts, error);
            }
            else
            {
                var delay = options.Value.RetryDelay * Math.Pow(2, mail.Attempts - 1);
                mail.NextAttemptAt = now + (delay < LongestRetryDelay ? delay : LongestRetryDelay);
                log.LogWarning("Email {EmailId} failed ({Error}), attempt {Attempts}; next at {NextAttemptAt:O}", mail.Id, error, mail.Attempts, mail.NextAttemptAt);
            }
        }
    }

    private MimeMessage Compose(OutgoingEmail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        message.To.Add(MailboxAddress.Parse(emails.Unprotect(mail.ToProtected)));
        message.Subject = mail.Subject;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is not null) message.Headers.Add(HeaderId.ListUnsubscribe, $"<{mail.UnsubscribeUrl}>");
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        message.Body.Headers.Add("Content-Language", "ar"); // a Content-* header belongs to the body part in MimeKit
        return message;
    }
}
