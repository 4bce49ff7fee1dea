using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Madar21.Web.Site.Cluster;

/// <summary>
/// The rate limits of the site (comment posts, sign-in attempts), per client address: counted in Redis when it is
/// configured, so that a client load-balanced over several nodes gets no more than from one; in this process when
/// it is not, or while Redis cannot be reached (then the limit holds per node).
/// </summary>
public static class SharedRateLimits
{
    /// <summary>
    /// A policy that limits POSTs per client address, as <paramref name="perClient"/> counts them; reading is never
    /// limited. TestServer, and some hosts behind a Unix socket, give no address: they share one partition, still limited.
    /// </summary>
    public static RateLimitPartition<string> PostsPerClient(HttpContext http, Func<string, RateLimitPartition<string>> perClient) =>
        HttpMethods.IsPost(http.Request.Method)
            ? perClient(http.Connection.RemoteIpAddress?.ToString() ?? "unknown")
            : RateLimitPartition.GetNoLimiter("read");

    /// <summary><paramref name="options"/>'s permits in any sliding window, per <paramref name="client"/>.</summary>
    public static RateLimitPartition<string> SlidingWindow(HttpContext http, string policy, string client, SlidingWindowRateLimiterOptions options) =>
        http.RequestServices.GetService<RedisLink>() is { } link
            ? RateLimitPartition.Get(client, key => new SharedRateLimiter(link, $"{link.Prefix}rate:{policy}:{key}", SlidingWindowScript,
                [options.PermitLimit, (long)options.Window.TotalMilliseconds], new SlidingWindowRateLimiter(options)))
            : RateLimitPartition.GetSlidingWindowLimiter(client, _ => options);

    /// <summary>A bucket of <paramref name="options"/>' tokens, refilled on its period, per <paramref name="client"/>.</summary>
    public static RateLimitPartition<string> TokenBucket(HttpContext http, string policy, string client, TokenBucketRateLimiterOptions options) =>
        http.RequestServices.GetService<RedisLink>() is { } link
            ? RateLimitPartition.Get(client, key => new SharedRateLimiter(link, $"{link.Prefix}rate:{policy}:{key}", TokenBucketScript,
                [options.TokenLimit, options.TokensPerPeriod, (long)options.ReplenishmentPeriod.TotalMilliseconds], new TokenBucketRateLimiter(options)))
            : RateLimitPartition.GetTokenBucketLimiter(client, _ => options);

    // Both scripts read the time from Redis, so that nodes whose clocks differ count alike, and answer -1 for a
    // permit, or the milliseconds until the next one.

    // A sorted set of the permits given in the window (member: a unique id, score: the time in ms).
    private static readonly LuaScript SlidingWindowScript = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = t[1] * 1000 + math.floor(t[2] / 1000)
        local limit = tonumber(@limit)
        local window = tonumber(@window)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', now - window)
        if redis.call('ZCARD', @key) < limit then
            redis.call('ZADD', @key, now, t[1] .. '.' .. t[2] .. '.' .. math.random())
            redis.call('PEXPIRE', @key, window)
            return -1
        end
        local oldest = redis.call('ZRANGE', @key, 0, 0, 'WITHSCORES')
        return tonumber(oldest[2]) + window - now
        """);

    // A hash with the tokens left and the time of the last refill.
    private static readonly LuaScript TokenBucketScript = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = t[1] * 1000 + math.floor(t[2] / 1000)
        local limit = tonumber(@limit)
        local refill = tonumber(@refill)
        local period = tonumber(@period)
        local state = redis.call('HMGET', @key, 'tokens', 'at')
        local tokens = tonumber(state[1]) or limit
        local at = tonumber(state[2]) or now
        local periods = math.floor((now - at) / period)
        if periods > 0 then
            tokens = math.min(limit, tokens + periods * refill)
            at = at + periods * period
        end
        local answer = -1
        if tokens > 0 then tokens = tokens - 1 else answer = at + period - now end
        redis.call('HSET', @key, 'tokens', tokens, 'at', at)
        redis.call('PEXPIRE', @key, period * math.ceil(limit / refill) + period)
        return answer
        """);

    /// <summary>One client's limiter: the script in Redis while it is available, the node's own limiter otherwise.</summary>
    private sealed class SharedRateLimiter(RedisLink link, string key, LuaScript script, long[] arguments, RateLimiter local) : RateLimiter
    {
        public override TimeSpan? IdleDuration => local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            if (permitCount == 0 || !link.IsAvailable) return local.AttemptAcquire(permitCount);
            try { return Lease(link.Connection.GetDatabase().ScriptEvaluate(script, Parameters())); }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                link.Failed(ex);
                return local.AttemptAcquire(permitCount);
            }
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
        {
            if (permitCount == 0 || !link.IsAvailable) return await local.AcquireAsync(permitCount, ct);
            try { return Lease(await link.Connection.GetDatabase().ScriptEvaluateAsync(script, Parameters())); }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                link.Failed(ex);
                return await local.AcquireAsync(permitCount, ct);
            }
        }

        private object Parameters() => arguments.Length == 2
            ? new { key = (RedisKey)key, limit = arguments[0], window = arguments[1] }
            : new { key = (RedisKey)key, limit = arguments[0], refill = arguments[1], period = arguments[2] };

        private static RateLimitLease Lease(RedisResult result)
        {
            var wait = (long)result;
            return wait < 0 ? Answer.Granted : new Answer(false, TimeSpan.FromMilliseconds(Math.Max(wait, 1)));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) local.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class Answer(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Answer Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
