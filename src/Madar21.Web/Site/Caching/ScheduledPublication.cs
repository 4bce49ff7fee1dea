using Madar21.Web.Articles;
using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// A scheduled article becomes public by time alone (<see cref="ArticleQueries.PublicAt"/>), with no save that
/// would evict the cached lists. This service sleeps until the next publication time and evicts them then.
/// (The article's own page answered 404 until then, and a 404 is never cached.)
/// </summary>
public sealed class ScheduledPublication(IServiceScopeFactory scopes, PageCache cache, TimeProvider clock, ILogger<ScheduledPublication> log)
    : TimedService(clock, log)
{
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
