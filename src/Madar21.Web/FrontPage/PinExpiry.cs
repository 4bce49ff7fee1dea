using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.FrontPage;

/// <summary>
/// A pin ends by time alone, with no save to evict the cached home page: this service sleeps until the next pin's
/// expiry and evicts the home page then, so that its place goes to the newest article without waiting for a
/// request or a save. Every node runs it; a pin saved on any node evicts <see cref="CacheTags.Front"/>, which makes
/// every node look again.
/// </summary>
public sealed class PinExpiry : TimedService
{
    private readonly IServiceScopeFactory scopes;
    private readonly PageCache cache;
    private readonly ILogger<PinExpiry> log;

    public PinExpiry(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<PinExpiry> log)
        : base(clock, log)
    {
        (this.scopes, this.cache, this.log) = (scopes, cache, log);
        cache.Evicted += tags => { if (tags.Contains(CacheTags.Front)) Reschedule(); };
    }

    protected override async Task<DateTime?> NextMomentAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        return await db.FrontPins.AsNoTracking().Where(p => p.ExpiresAt > now).MinAsync(p => p.ExpiresAt, ct);
    }

    protected override async Task OnMomentAsync(DateTime due, CancellationToken ct)
    {
        await cache.EvictAsync([CacheTags.Front], ct);
        log.LogInformation("A front-page pin ended at {DueAt}; the home page was evicted", due);
    }
}
