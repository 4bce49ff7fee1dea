using System.Threading.RateLimiting;
using Madar21.Web.Site.Cluster;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Admin;

/// <summary>
/// Sign-in posts (password and second-factor code) per client address: <see cref="AdminOptions.SignInAttemptsPerAddress"/>
/// at once, then one more each minute; past that, 429 with the Arabic «طلبات كثيرة» page. Beside the per-account
/// count of <see cref="LoginThrottle"/>, which one address cannot reach, so a stranger slows only himself down.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "staff-sign-in";

    public static readonly TimeSpan Refill = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, http => SharedRateLimits.PostsPerClient(http, client =>
            SharedRateLimits.TokenBucket(http, Policy, client, new TokenBucketRateLimiterOptions
            {
                TokenLimit = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SignInAttemptsPerAddress,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = Refill,
                QueueLimit = 0,
                AutoReplenishment = true,
            }))));
}
