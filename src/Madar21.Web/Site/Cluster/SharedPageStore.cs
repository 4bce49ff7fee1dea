using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Madar21.Web.Site.Cluster;

/// <summary>
/// The page cache shared by every node: pages are stored in Redis (<paramref name="shared"/>, the
/// Microsoft.AspNetCore.OutputCaching.StackExchangeRedis store) and, in front of it, copied into this node's memory
/// (<paramref name="local"/>, the in-process store) so that a hit costs no round trip. An eviction deletes the
/// pages from Redis and is announced on a Redis channel, so that every node drops its own copies of them at once.
/// <para>
/// Redis cannot be reached: nothing is served from the cache at all (the copies in memory may miss another node's
/// evictions), pages are rendered each time, and evictions are remembered to be replayed when Redis is back.
/// </para>
/// </summary>
public sealed class SharedPageStore : IOutputCacheStore, IEvictionSource
{
    private const string NodeSeparator = "\n";

    private readonly IOutputCacheStore _shared;
    private readonly IOutputCacheStore? _local;
    private readonly RedisLink _link;
    private readonly TimeSpan _localLifetime;
    private readonly ILogger<SharedPageStore> _log;
    private readonly RedisChannel _channel;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, byte> _missed = new();
    private long _localGeneration;
    private bool _subscribed;

    public SharedPageStore(IOutputCacheStore shared, IOutputCacheStore? local, RedisLink link, TimeSpan localLifetime, ILogger<SharedPageStore> log)
    {
        _shared = shared;
        _local = local;
        _link = link;
        _localLifetime = localLifetime;
        _log = log;
        _channel = RedisChannel.Literal(link.Prefix + "evicted");
        link.WhenRestored(CatchUpAsync);
        link.WhenLost(() => Interlocked.Increment(ref _localGeneration));
    }

    /// <inheritdoc/>
    public event Action<string>? EvictedElsewhere;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        if (!_link.IsAvailable) return null;
        if (_local is not null && await _local.GetAsync(key, ct) is { } copy) return copy;

        var generation = Interlocked.Read(ref _localGeneration);
        byte[]? stored;
        try { stored = await _shared.GetAsync(key, ct); }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _link.Failed(ex);
            return null;
        }
        if (stored is null || !Envelope.TryOpen(stored, out var tags, out var page)) return null;
        // Kept only if no eviction arrived while Redis answered: the page may be one it has just deleted.
        if (_local is not null && generation == Interlocked.Read(ref _localGeneration))
            await _local.SetAsync(key, page, tags, _localLifetime, ct);
        return page;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
    {
        if (!_link.IsAvailable) return;
        var generation = Interlocked.Read(ref _localGeneration);
        try { await _shared.SetAsync(key, Envelope.Seal(tags ?? [], value), tags, validFor, ct); }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _link.Failed(ex);
            return;
        }
        if (_local is not null && generation == Interlocked.Read(ref _localGeneration))
            await _local.SetAsync(key, value, tags, validFor < _localLifetime ? validFor : _localLifetime, ct);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        Interlocked.Increment(ref _localGeneration);
        if (_local is not null) await _local.EvictByTagAsync(tag, ct);
        if (!_link.IsAvailable || !await TryEvictEverywhereAsync(tag, ct))
            _missed[tag] = 0;
    }

    private async Task<bool> TryEvictEverywhereAsync(string tag, CancellationToken ct)
    {
        try
        {
            await _shared.EvictByTagAsync(tag, ct);
            await _link.Connection.GetSubscriber().PublishAsync(_channel, _node + NodeSeparator + tag);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _link.Failed(ex);
            return false;
        }
    }

    // Redis is back (or reached for the first time): listen for other nodes' evictions, replay this node's that
    // could not be sent, and forget every copy in memory, since other nodes' evictions may have been missed.
    private async Task CatchUpAsync(CancellationToken ct)
    {
        if (!_subscribed)
        {
            await _link.Connection.GetSubscriber().SubscribeAsync(_channel, (_, message) => OnMessage(message));
            _subscribed = true;
        }
        foreach (var tag in _missed.Keys)
        {
            if (!await TryEvictEverywhereAsync(tag, ct)) throw new RedisException("Redis was lost again while catching up");
            _missed.TryRemove(tag, out _);
        }
        OnEvictedElsewhere(CacheTags.Site); // every page carries it: all copies go, and pages in render are not kept
    }

    private void OnMessage(RedisValue message)
    {
        var text = (string?)message;
        var separator = text?.IndexOf(NodeSeparator, StringComparison.Ordinal) ?? -1;
        if (separator < 0 || text.AsSpan(0, separator).SequenceEqual(_node)) return;
        OnEvictedElsewhere(text![(separator + 1)..]);
    }

    private void OnEvictedElsewhere(string tag)
    {
        Interlocked.Increment(ref _localGeneration);
        if (_local is not null)
        {
            var eviction = _local.EvictByTagAsync(tag, CancellationToken.None);
            if (!eviction.IsCompletedSuccessfully) eviction.AsTask().GetAwaiter().GetResult();
        }
        _log.LogDebug("Evicted cached pages tagged {Tag} on another node's word", tag);
        EvictedElsewhere?.Invoke(tag);
    }

    /// <summary>
    /// A page as kept in Redis: its tags first, so that a node that reads it from Redis can keep its own copy under
    /// the same tags. Format: tag count, then each tag (length, UTF-8), then the page as the output cache wrote it.
    /// </summary>
    internal static class Envelope
    {
        public static byte[] Seal(string[] tags, byte[] page)
        {
            var size = 2 + tags.Sum(t => 2 + Encoding.UTF8.GetByteCount(t)) + page.Length;
            var sealed_ = new byte[size];
            var span = sealed_.AsSpan();
            BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)tags.Length);
            var at = 2;
            foreach (var tag in tags)
            {
                var length = Encoding.UTF8.GetBytes(tag, span[(at + 2)..]);
                BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)length);
                at += 2 + length;
            }
            page.CopyTo(span[at..]);
            return sealed_;
        }

        public static bool TryOpen(byte[] stored, out string[] tags, out byte[] page)
        {
            tags = [];
            page = [];
            var span = stored.AsSpan();
            if (span.Length < 2) return false;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(span);
            var at = 2;
            var read = new string[count];
            for (var i = 0; i < count; i++)
            {
                if (span.Length < at + 2) return false;
                var length = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
                if (span.Length < at + 2 + length) return false;
                read[i] = Encoding.UTF8.GetString(span.Slice(at + 2, length));
                at += 2 + length;
            }
            tags = read;
            page = span[at..].ToArray();
            return true;
        }
    }
}
