using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Madar21.Web.Site.Cluster;

/// <summary>
/// "Only once on the whole site": the first <see cref="TryClaim"/> of a key within its lifetime wins, whichever node
/// it reaches (a one-use code must not be used again on another node). Claimed in Redis (SET NX) when it is
/// configured, and always in this process too, which is all there is without Redis or while it cannot be reached.
/// </summary>
public sealed class SharedOnce(TimeProvider clock, RedisLink? link = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claimed = new(StringComparer.Ordinal);

    public bool TryClaim(string key, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        foreach (var (known, until) in _claimed)
            if (until <= now) _claimed.TryRemove(known, out _);
        var here = _claimed.TryAdd(key, now + lifetime);
        if (link is not { IsAvailable: true }) return here;
        try
        {
            return link.Connection.GetDatabase().StringSet(link.Prefix + "once:" + key, 1, lifetime, When.NotExists) && here;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            link.Failed(ex);
            return here;
        }
    }
}
