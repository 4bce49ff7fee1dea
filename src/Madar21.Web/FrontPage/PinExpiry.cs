using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.FrontPage;

/// <summary>
/// A pin ends by time alone, with no save to evict the cached home page: this service sleeps until the next pin's
/// expiry and evicts the home page then, so that its place goes to the newest article without waiting for a
/// request or a save. A pin saved on any node evicts <see cref="CacheTags.Front"/>, which makes every node look again.
/// </summary>
public sealed class PinExpiry(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<PinExpiry> log)
    : TimedService(CacheTags.Front, scopes, cache, clock, log)
{
    protected override Task<DateTime?> NextMomentAsync(MadarDb db, DateTime now, CancellationToken ct) =>
        db.FrontPins.AsNoTracking().Where(p => p.ExpiresAt > now).MinAsync(p => p.ExpiresAt, ct);

    protected override void LogEvicted(DateTime due) =>
        Log.LogInformation("A front-page pin ended at {DueAt}; the home page was evicted", due);
}
