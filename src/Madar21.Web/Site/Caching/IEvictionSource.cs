namespace Madar21.Web.Site.Caching;

/// <summary>
/// A page store shared with other nodes: it tells this node when another node evicted pages, so that what this
/// node keeps beside the pages (<see cref="PageCache.Generation"/>, the site-wide values, the timed services) follows.
/// </summary>
public interface IEvictionSource
{
    event Action<string>? EvictedElsewhere;
}
