using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// The shared cache of public pages. The public layout has nothing that depends on the visitor, but a visitor who
/// carries any cookie may see something of their own (an editor's session, a commenter's pending notice), so a
/// request with a cookie or an Authorization header is never answered from the cache and never stored in it.
/// </summary>
/// <param name="tags">Tags for the stored page; <c>{name}</c> is replaced by that route value (e.g. <c>article:{id}</c>).</param>
public sealed class PublicPagePolicy(params string[] tags) : IOutputCachePolicy
{
    public const string Lists = "public-lists";
    public const string Article = "public-article";
    public const string Front = "public-front";

    // Only the parameters the pages read vary the key: share links arrive with ever-changing tracking
    // parameters (fbclid, utm_*), which would otherwise make every visit from a shared link a cache miss.
    private static readonly string[] QueryKeys = ["page", "q"];

    // A page with one of these is never cached: each value shows something else (the reply form under one
    // comment), and a cache entry per value would let anyone fill the cache. They are rare and cheap enough to render.
    private static readonly string[] UncachedQueryKeys = [Comments.CommentInput.ReplyToQuery];

    private const string GenerationItem = "Madar21.PageCache.Generation";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var options = http.RequestServices.GetRequiredService<IOptions<PerformanceOptions>>().Value;
        if (!options.OutputCache
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.ContainsKey(HeaderNames.Cookie)
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || http.User.Identity?.IsAuthenticated == true
            || UncachedQueryKeys.Any(request.Query.ContainsKey))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true; // a burst of readers on a cold page waits for one render
        context.ResponseExpirationTimeSpan = options.CacheDuration;
        context.CacheVaryByRules.QueryKeys = QueryKeys;
        // The stored bytes are compressed, so each encoding is its own entry: the one the compression middleware will
        // choose (br, gzip or none), not the raw Accept-Encoding, which a client can vary at will to flood the cache.
        var encoding = http.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(http);
        context.CacheVaryByRules.VaryByValues["encoding"] = encoding?.EncodingName ?? "identity";
        foreach (var tag in tags)
            context.Tags.Add(Expand(tag, http));

        http.Items[GenerationItem] = http.RequestServices.GetRequiredService<PageCache>().Generation;
        // Set now, before the cache copies the headers at the first byte of the body. Readers' browsers
        // revalidate every time, and the answer is a 304 while the cached page is unchanged.
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
        http.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
                response.Headers.ETag = default;
            return Task.CompletedTask;
        }, http);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cache = http.RequestServices.GetRequiredService<PageCache>();
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            // Something changed while this page was rendered: it may show the old data, so it is not kept.
            || http.Items[GenerationItem] is not long started || started != cache.Generation)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static string Expand(string tag, HttpContext http)
    {
        var open = tag.IndexOf('{');
        if (open < 0) return tag;
        var close = tag.IndexOf('}', open);
        var value = http.GetRouteValue(tag[(open + 1)..close])?.ToString();
        return tag[..open] + value + tag[(close + 1)..];
    }
}
