using Madar21.Web.Articles;
using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// A scheduled article becomes public by time alone (<see cref="ArticleQueries.PublicAt"/>), with no save that
/// would evict the cached lists. This service sleeps until the next publication time and evicts them then.
/// (The article's own page answered 404 until then, and a 404 is never cached.)
/// <para>
/// With several nodes each one runs it: a due time gives one eviction per node, which is harmless, and none is
/// missed while one node is up. A saved article may be scheduled for later: after any eviction of the lists, on this
/// node or another, the next due time is looked up again.
/// </para>
/// </summary>
public sealed class ScheduledPublication : TimedService
{
    private readonly IServiceScopeFactory scopes;
    private readonly PageCache cache;
    private readonly ILogger<ScheduledPublication> log;

    public ScheduledPublication(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<ScheduledPublication> log)
        : base(clock, log)
    {
        (this.scopes, this.cache, this.log) = (scopes, cache, log);
        cache.Evicted += tags => { if (tags.Contains(CacheTags.Lists)) Reschedule(); };
    }

    protected override async Task<DateTime?> NextMomentAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        return await db.Articles.AsNoTracking()
            .ScheduledAfter(now)
            .MinAsync(a => a.PublishedAt, ct);
    }

    protected override async Task OnMomentAsync(DateTime due, CancellationToken ct)
    {
        await cache.EvictAsync([CacheTags.Lists], ct);
        log.LogInformation("Scheduled articles due at {DueAt} are now public", due);
    }
}
