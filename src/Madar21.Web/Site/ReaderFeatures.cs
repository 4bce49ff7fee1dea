using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Site;

/// <summary>What pages show readers around the articles: dates in both calendars (and the settings behind them).</summary>
public static class ReaderFeatures
{
    public static IServiceCollection AddReaderFeatures(this IServiceCollection services)
    {
        services.AddScoped<SiteDates>();
        services.Configure<MvcOptions>(o => o.Filters.Add<SiteDates.Loader>());
        services.AddHostedService<MidnightEviction>();
        return services;
    }
}
