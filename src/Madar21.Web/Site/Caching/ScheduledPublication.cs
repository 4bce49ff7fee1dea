using Madar21.Web.Articles;
using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// A scheduled article becomes public by time alone (<see cref="ArticleQueries.PublicAt"/>), with no save that
/// would evict the cached lists. This service sleeps until the next publication time and evicts them then.
/// (The article's own page answered 404 until then, and a 404 is never cached.) A saved article may be scheduled
/// for later: any eviction of the lists makes it look again.
/// </summary>
public sealed class ScheduledPublication(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<ScheduledPublication> log)
    : TimedService(CacheTags.Lists, scopes, cache, clock, log)
{
    protected override Task<DateTime?> NextMomentAsync(MadarDb db, DateTime now, CancellationToken ct) =>
        db.Articles.AsNoTracking().ScheduledAfter(now).MinAsync(a => a.PublishedAt, ct);

    protected override void LogEvicted(DateTime due) =>
        Log.LogInformation("Scheduled articles due at {DueAt} are now public", due);
}
