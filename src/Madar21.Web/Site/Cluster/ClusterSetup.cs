using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Site.Cluster;

/// <summary>
/// Several nodes, one site: with <c>Redis:Configuration</c> set, the page cache and its evictions
/// (<see cref="SharedPageStore"/>), the rate limits (<see cref="SharedRateLimits"/>) and one-use claims
/// (<see cref="SharedOnce"/>) go through Redis. Without it they stay in this process.
/// </summary>
public static class ClusterSetup
{
    /// <summary>After <see cref="PageDelivery.AddPageDelivery"/>: it puts Redis behind the store that registered.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.BindOptions<RedisOptions>(configuration, RedisOptions.SectionName);
        services.AddSingleton<SharedOnce>();
        if (string.IsNullOrWhiteSpace(options.Configuration)) return services;

        services.AddSingleton<RedisLink>().AddHostedService(sp => sp.GetRequiredService<RedisLink>());

        var inProcess = TakeStore(services);
        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = options.Prefix + "pages:");
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisLink>((o, link) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(link.Connection));
        var redis = TakeStore(services);

        var lifetime = (configuration.GetSection(PerformanceOptions.SectionName).Get<PerformanceOptions>() ?? new PerformanceOptions()).CacheDuration;
        services.AddSingleton<IOutputCacheStore>(sp => new SharedPageStore(
            redis(sp),
            sp.GetRequiredService<IOptions<RedisOptions>>().Value.InProcessCopies ? inProcess(sp) : null,
            sp.GetRequiredService<RedisLink>(),
            lifetime,
            sp.GetRequiredService<ILogger<SharedPageStore>>()));
        return services;
    }

    // The output cache stores are internal classes: each is taken from its registration, to be built behind ours.
    private static Func<IServiceProvider, IOutputCacheStore> TakeStore(IServiceCollection services)
    {
        var registered = services.Where(d => d.ServiceType == typeof(IOutputCacheStore)).ToList();
        var store = registered.LastOrDefault() ?? throw new InvalidOperationException("No output cache store is registered");
        foreach (var descriptor in registered) services.Remove(descriptor);
        return store switch
        {
            { ImplementationInstance: IOutputCacheStore instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (IOutputCacheStore)factory(sp),
            { ImplementationType: { } type } => sp => (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The output cache store's registration is not understood"),
        };
    }
}
