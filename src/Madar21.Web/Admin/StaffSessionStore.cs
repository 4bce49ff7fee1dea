using System.Security.Claims;
using System.Security.Cryptography;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Admin;

/// <summary>
/// Keeps staff sign-in tickets in the database; the cookie holds only a random session id. Signing out deletes the
/// row, so a cookie copied before sign-out opens nothing afterwards, and only that session ends (other browsers and
/// the «remember this browser» cookie stay as they are). A restart keeps everyone signed in.
/// </summary>
public sealed class StaffSessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    /// <summary>How long a session lives without activity; each request moves it on (sliding expiration).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(12);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        // Sign-ins are rare: a good moment to forget the sessions that ran out.
        await db.StaffSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync();
        db.StaffSessions.Add(new StaffSession
        {
            Id = id,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ExpiresAt(ticket),
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiresAt(ticket);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MadarDb>().StaffSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<MadarDb>().StaffSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAt > now).Select(s => s.Ticket).FirstOrDefaultAsync();
        return ticket is null ? null : TicketSerializer.Default.Deserialize(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MadarDb>().StaffSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private DateTime ExpiresAt(AuthenticationTicket ticket) =>
        (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + IdleTimeout).UtcDateTime;
}
