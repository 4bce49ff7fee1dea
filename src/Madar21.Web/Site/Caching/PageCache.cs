using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Evicts cached public pages by tag. It also counts evictions, so that a page rendered from data read before an
/// eviction is not stored after it (<see cref="PublicPagePolicy"/> compares the count at the start and the end).
/// With several nodes the store is shared (<see cref="IEvictionSource"/>): another node's evictions count here too.
/// </summary>
public sealed class PageCache
{
    private readonly IOutputCacheStore store;
    private readonly ILogger<PageCache> log;
    private long _generation;
    private long _siteGeneration;
    private readonly ConcurrentDictionary<string, (long Generation, object Value)> _kept = new();

    public PageCache(IOutputCacheStore store, ILogger<PageCache> log)
    {
        this.store = store;
        this.log = log;
        if (store is IEvictionSource shared)
            shared.EvictedElsewhere += tag => Evicted?.Invoke(Count([tag]));
    }

    /// <summary>
    /// After every eviction, this node's or another's, with the tags evicted: for what goes stale with the pages
    /// (the next scheduled publication, the next timed eviction).
    /// </summary>
    public event Action<IReadOnlyCollection<string>>? Evicted;

    /// <summary>Changes every time something is evicted.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// A small value every page shows and only a site-wide change alters (the section names, the site settings):
    /// kept until the next eviction of <see cref="CacheTags.Site"/>, so that publishing an article does not make
    /// the next page read it again.
    /// </summary>
    public async Task<T> KeepSiteWideAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        var generation = Interlocked.Read(ref _siteGeneration);
        if (_kept.TryGetValue(key, out var kept) && kept.Generation == generation)
            return (T)kept.Value;
        var value = await load();
        _kept[key] = (generation, value);
        return value;
    }

    public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken ct = default)
    {
        if (tags.Count == 0) return;
        Count(tags);
        foreach (var tag in tags)
            await store.EvictByTagAsync(tag, ct);
        log.LogDebug("Evicted cached pages tagged {Tags}", tags);
        Evicted?.Invoke(tags);
    }

    private IReadOnlyCollection<string> Count(IReadOnlyCollection<string> tags)
    {
        Interlocked.Increment(ref _generation);
        if (tags.Contains(CacheTags.Site)) Interlocked.Increment(ref _siteGeneration);
        return tags;
    }
}
