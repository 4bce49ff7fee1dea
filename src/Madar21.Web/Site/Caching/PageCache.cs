using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Evicts cached public pages by tag. It also counts evictions, so that a page rendered from data read before an
/// eviction is not stored after it (<see cref="PublicPagePolicy"/> compares the count at the start and the end).
/// </summary>
public sealed class PageCache(IOutputCacheStore store, ILogger<PageCache> log)
{
    private long _generation;
    private readonly ConcurrentDictionary<string, (long Generation, object Value)> _kept = new();

    /// <summary>Changes every time something is evicted.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// A small value read from the database (e.g. the section names of the navigation), kept until the next
    /// eviction: whatever makes pages stale makes it stale too.
    /// </summary>
    public async Task<T> KeepAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        var generation = Generation;
        if (_kept.TryGetValue(key, out var kept) && kept.Generation == generation)
            return (T)kept.Value;
        var value = await load();
        _kept[key] = (generation, value);
        return value;
    }

    public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken ct = default)
    {
        if (tags.Count == 0) return;
        Interlocked.Increment(ref _generation);
        foreach (var tag in tags)
            await store.EvictByTagAsync(tag, ct);
        log.LogDebug("Evicted cached pages tagged {Tags}", tags);
    }
}
