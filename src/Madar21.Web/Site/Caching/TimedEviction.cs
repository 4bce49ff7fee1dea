using Madar21.Web.Data;
using Madar21.Web.Readers;
using Madar21.Web.Site.Dates;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Pages that go stale by time alone, with no save to evict them: every public page shows today's date in the
/// masthead (stale at midnight in Casablanca) and the «عاجل» line until its expiry. This service sleeps until the
/// next of those moments and evicts every cached page then. (A page rendered just before and finished after is
/// not kept either: the eviction changes <see cref="PageCache.Generation"/>.) The «عاجل» line may have been saved on
/// another node: any site-wide eviction makes it look again.
/// </summary>
public sealed class TimedEviction(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<TimedEviction> log)
    : TimedService(CacheTags.Site, scopes, cache, clock, log)
{
    protected override async Task<DateTime?> NextMomentAsync(MadarDb db, DateTime now, CancellationToken ct)
    {
        var due = MoroccanDate.NextMidnight(now);
        var settings = await ReaderSettingsAccess.LoadAsync(db, Cache);
        var expiry = string.IsNullOrEmpty(settings.BreakingText) ? null : settings.BreakingExpiresAt;
        return expiry > now && expiry < due ? expiry.Value : due;
    }

    protected override void LogEvicted(DateTime due) =>
        Log.LogInformation("Cached pages evicted at {DueAt}: a new day or the end of the breaking news", due);
}
