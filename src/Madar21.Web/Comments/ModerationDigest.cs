using System.Globalization;
using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Email;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Comments;

/// <summary>
/// Tells the moderators (every Editor and Admin whose account is not disabled) that comments are waiting: one email
/// for all that were held since the last one, at most once every <see cref="EmailOptions.ModerationDigestInterval"/>.
/// The first held comment after a quiet spell is told at once; those that follow wait for the interval to end.
/// The last comment told is stored, so that a restart neither repeats nor forgets one.
/// </summary>
public sealed class ModerationDigest(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EmailOptions> options, ILogger<ModerationDigest> log)
    : BackgroundService
{
    public const string LastToldSetting = "Comments.ModerationDigest.LastCommentId";
    private const int ListedAtMost = 20;

    private readonly SemaphoreSlim _held = new(0, 1);
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;

    /// <summary>A comment was just held for moderation.</summary>
    public void CommentHeld()
    {
        try { _held.Release(); }
        catch (SemaphoreFullException) { } // already known
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // A first look at start-up: comments held while the site was down.
        while (!stop.IsCancellationRequested)
        {
            var next = _lastSent == DateTimeOffset.MinValue ? clock.GetUtcNow() : _lastSent + options.Value.ModerationDigestInterval;
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stop);
            try
            {
                if (await SendAsync(stop)) _lastSent = clock.GetUtcNow();
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogError(e, "The moderation digest could not be prepared");
            }
            await _held.WaitAsync(stop);
        }
    }

    /// <summary>Queues one digest per moderator if comments were held since the last; true when it did.</summary>
    private async Task<bool> SendAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MadarDb>();
        var setting = await db.SiteSettings.FirstOrDefaultAsync(s => s.Name == LastToldSetting, ct);
        var after = setting is null ? 0 : int.Parse(setting.Value, CultureInfo.InvariantCulture);
        var held = await db.Comments.AsNoTracking()
            .Where(c => c.Id > after && c.Status == CommentStatus.Pending)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Author, c.Text, c.Article!.Title })
            .ToListAsync(ct);
        if (held.Count == 0) return false;

        var now = clock.GetUtcNow();
        var moderators = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && (u.LockoutEnd == null || u.LockoutEnd != StaffUserManager.DisabledUntil))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == StaffRoles.Admin || r.Name == StaffRoles.Editor))))
            .Select(u => u.Email!)
            .ToListAsync(ct);

        var queue = services.GetRequiredService<Madar21.Web.Email.Outbox>();
        var url = services.GetRequiredService<SiteUrls>().Absolute(services.GetRequiredService<LinkGenerator>().GetPathByPage("/Admin/Comments/Index")!);
        var count = ArabicPlural.Format(held.Count, ArabicPlural.Comments);
        var email = new ArabicEmail($"{SiteOptions.Name}: تعليقات بانتظار المراجعة ({count})")
            .Paragraph($"بانتظار المراجعة منذ الرسالة السابقة: {count}.");
        foreach (var c in held.Take(ListedAtMost))
            email.Quote($"{c.Author} على «{c.Title}»", c.Text.Length > 300 ? c.Text[..300] + "…" : c.Text);
        if (held.Count > ListedAtMost) email.Paragraph($"وغيرها ({held.Count - ListedAtMost}).");
        email.Link("راجع التعليقات", url);
        foreach (var to in moderators) queue.Add(to, email);

        if (setting is null) db.SiteSettings.Add(setting = new SiteSetting { Name = LastToldSetting, Value = "" });
        setting.Value = held[^1].Id.ToString(CultureInfo.InvariantCulture);
        await db.SaveChangesAsync(ct);
        queue.Flush();
        log.LogInformation("Queued a moderation digest of {Count} comments for {Moderators} moderators", held.Count, moderators.Count);
        return true;
    }
}
