using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Madar21.Web.Email;

/// <summary>
/// Hands one message over: to the SMTP server of <c>Email:Smtp</c>, or, with none configured, as an <c>.eml</c>
/// file in the pickup folder, so that nothing needs a mail server to run the site.
/// </summary>
public sealed class MailTransport(IOptions<EmailOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (!UsesSmtp)
        {
            await WriteToPickupFolderAsync(message, ct);
            return;
        }
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task WriteToPickupFolderAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = options.Value.PickupFolder!;
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".partial");
        // Written aside, then renamed: whoever reads the folder never sees half a message.
        await message.WriteToAsync(partial, ct);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }
}
