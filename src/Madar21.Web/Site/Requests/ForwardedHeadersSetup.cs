using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Site.Requests;

/// <summary>
/// Bound from the "ForwardedHeaders" configuration section. The reverse proxies named here are believed when they
/// say, in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, who the client is and whether it came over HTTPS.
/// That decides the client's address (rate limits, logs) and the scheme (secure cookies, HTTPS-only behaviour) for
/// the whole site. Default: none, so the connection's own address and scheme are the client's, and nobody can dodge
/// a rate limit or pass for HTTPS with a forged header.
/// </summary>
public sealed class ProxyTrustOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>The deprecated key that held the same list before it became a site-wide setting; still read.</summary>
    public const string DeprecatedKey = "Comments:TrustedProxies";

    /// <summary>IP addresses of trusted proxies, e.g. <c>10.0.0.1</c>. Default: none.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/8</c>. Default: none.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trust = configuration.GetSection(ProxyTrustOptions.SectionName).Get<ProxyTrustOptions>() ?? new ProxyTrustOptions();
        var deprecated = configuration.GetSection(ProxyTrustOptions.DeprecatedKey).Get<List<string>>() ?? [];
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed, not even loopback by default.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trust.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            foreach (var network in trust.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network."));
            // The old key took addresses and networks in one list.
            foreach (var proxy in deprecated)
            {
                if (proxy.Contains('/') && System.Net.IPNetwork.TryParse(proxy, out var network)) forwarded.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
                else throw new InvalidOperationException($"{ProxyTrustOptions.DeprecatedKey}: '{proxy}' is neither an IP address nor a CIDR network.");
            }
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline: everything after it (request logging, rate limits, cookies, redirects) sees the
    /// client's real address and scheme.
    /// </summary>
    public static WebApplication UseForwardedHeadersFromTrustedProxies(this WebApplication app)
    {
        if (app.Configuration.GetSection(ProxyTrustOptions.DeprecatedKey).Get<List<string>>() is { Count: > 0 })
            app.Logger.LogWarning("{DeprecatedKey} is deprecated: use {ProxiesKey} and {NetworksKey}", ProxyTrustOptions.DeprecatedKey,
                $"{ProxyTrustOptions.SectionName}:{nameof(ProxyTrustOptions.KnownProxies)}",
                $"{ProxyTrustOptions.SectionName}:{nameof(ProxyTrustOptions.KnownNetworks)}");
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        // With no known proxy at all, the middleware would believe every peer: it is only added when one is configured.
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }
}
