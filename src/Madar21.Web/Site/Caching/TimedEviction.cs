using Madar21.Web.Data;
using Madar21.Web.Readers;
using Madar21.Web.Site.Dates;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Pages that go stale by time alone, with no save to evict them: every public page shows today's date in the
/// masthead (stale at midnight in Casablanca) and the «عاجل» line until its expiry. This service sleeps until the
/// next of those moments and evicts every cached page then. (A page rendered just before and finished after is
/// not kept either: the eviction changes <see cref="PageCache.Generation"/>.)
/// <para>Every node runs it; the «عاجل» line may have been saved on another node: any site-wide eviction makes it look again.</para>
/// </summary>
public sealed class TimedEviction : TimedService
{
    private readonly IServiceScopeFactory scopes;
    private readonly PageCache cache;
    private readonly ILogger<TimedEviction> log;

    public TimedEviction(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<TimedEviction> log)
        : base(clock, log)
    {
        (this.scopes, this.cache, this.log) = (scopes, cache, log);
        cache.Evicted += tags => { if (tags.Contains(CacheTags.Site)) Reschedule(); };
    }

    protected override async Task<DateTime?> NextMomentAsync(DateTime now, CancellationToken ct)
    {
        var due = MoroccanDate.NextMidnight(now);
        var expiry = await BreakingExpiryAsync(ct);
        return expiry > now && expiry < due ? expiry.Value : due;
    }

    protected override async Task OnMomentAsync(DateTime due, CancellationToken ct)
    {
        await cache.EvictAsync([CacheTags.Site], ct);
        log.LogInformation("Cached pages evicted at {DueAt}: a new day or the end of the breaking news", due);
    }

    private async Task<DateTime?> BreakingExpiryAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await ReaderSettingsAccess.LoadAsync(scope.ServiceProvider.GetRequiredService<MadarDb>(), cache);
        return string.IsNullOrEmpty(settings.BreakingText) ? null : settings.BreakingExpiresAt;
    }
}
