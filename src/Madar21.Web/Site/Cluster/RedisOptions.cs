namespace Madar21.Web.Site.Cluster;

/// <summary>Bound from the "Redis" configuration section. Without <see cref="Configuration"/> the node is alone.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>, or <c>host:port,password=…</c>). When set,
    /// the page cache, its evictions and the rate limits are shared with every node using the same Redis; when
    /// absent (the default) all of them stay in this process.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Keep a copy of the pages this node serves in its own memory, in front of Redis, dropped the moment any node
    /// evicts them (Redis pub/sub). Default: true. Turned off only to measure the plain Redis store (tests/bench).
    /// </summary>
    public bool InProcessCopies { get; set; } = true;

    /// <summary>Prefix of every key and channel, so that several sites can share one Redis. Default: <c>madar21:</c>.</summary>
    public string Prefix { get; set; } = "madar21:";
}
