using System.Globalization;
using System.Security.Cryptography;
using Madar21.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Comments;

/// <summary>
/// The «إيقاف الإشعارات» link of a reply email: it names the comment whose replies are sent, signed with Data
/// Protection (a purpose of its own), so that it works without signing in and cannot be made up for another comment.
/// </summary>
public sealed class ReplyUnsubscribe(IDataProtectionProvider provider, MadarDb db, ILogger<ReplyUnsubscribe> log)
{
    private readonly IDataProtector _tokens = provider.CreateProtector("Madar21.Comments.ReplyUnsubscribe.v1");

    public string TokenFor(int commentId) => _tokens.Protect(commentId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The comment the token was made for; null for anything else (altered, truncated, from another site).</summary>
    public int? CommentOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try { return int.TryParse(_tokens.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null; }
        catch (CryptographicException) { return null; }
    }

    public async Task StopAsync(int commentId, CancellationToken ct)
    {
        var stopped = await db.Comments.Where(c => c.Id == commentId && c.NotifyReplies)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifyReplies, false), ct);
        if (stopped > 0) log.LogInformation("Reply emails stopped for comment {CommentId}", commentId);
    }
}
