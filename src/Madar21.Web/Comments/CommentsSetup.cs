using System.Globalization;
using System.Threading.RateLimiting;
using Madar21.Web.Site;
using Madar21.Web.Site.Cluster;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Comments;

/// <summary>Everything comments add to the app, so that Program.cs stays one line per feature.</summary>
public static class CommentsSetup
{
    /// <summary>Rate-limiting policy of the comment form: POSTs per client address; reading is never limited.</summary>
    public const string PostRateLimit = "comment-posts";

    /// <summary>64 KiB: above the longest valid form (5,000 characters form-encoded take at most 45 KB).</summary>
    public const int MaxPostBytes = 64 * 1024;

    private static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CommentsOptions>(configuration.GetSection(CommentsOptions.SectionName));
        services.AddSingleton<EmailProtector>();
        services.AddSingleton<CommenterCookie>();
        services.AddSingleton(sp => new CrossOriginProtection(
            sp.GetRequiredService<IOptions<CommentsOptions>>().Value.TrustedOrigins
                .Append(sp.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUrl)));
        services.AddScoped<CommentPosting>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<ModerationSettings>();
        services.AddScoped<ReplyNotifications>();
        services.AddScoped<ReplyUnsubscribe>();
        services.AddSingleton<ModerationDigest>().AddHostedService(sp => sp.GetRequiredService<ModerationDigest>());

        services.AddRateLimiter(limiter =>
        {
            // No body: the status-code page renders the Arabic 429 page («طلبات كثيرة») in the layout.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // The sliding window does not say when a permit frees up; at the latest, a window from now.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : RateLimitWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommentsSetup))
                    .LogWarning("Rate limit reached for {Method} {Path}", context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PostRateLimit, http => SharedRateLimits.PostsPerClient(http, client =>
                SharedRateLimits.SlidingWindow(http, PostRateLimit, client, new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<CommentsOptions>>().Value.PermitPerMinute,
                    Window = RateLimitWindow,
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                })));
        });

        return services;
    }

    /// <summary>
    /// After <c>UseRouting</c> (these read the endpoint's metadata): refusal of cross-origin posts (before they can
    /// use up the reader's rate limit), the rate limit, and the body-size limit (after the rate limit, so that a
    /// flood is refused before its body is read). The client's address and scheme were set before, from trusted proxies.
    /// </summary>
    public static IApplicationBuilder UseCommentProtection(this IApplicationBuilder app)
    {
        return app
            .UseMiddleware<CrossOriginProtectionMiddleware>()
            .UseRateLimiter()
            .UseMiddleware<RequestBodyLimitMiddleware>();
    }
}
