using Madar21.Web.Readers;
using Madar21.Web.Site.Caching;
using Madar21.Web.Site.Dates;
using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Readers;

/// <summary>What pages show readers around the articles: the site settings (dates in both calendars, «عاجل») and «الأكثر قراءة».</summary>
public static class ReaderFeatures
{
    public static IServiceCollection AddReaderFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadersOptions>(configuration.GetSection(ReadersOptions.SectionName));
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<MostRead>();
        services.AddHostedService<ReadsFlush>();
        services.AddScoped<ReaderSettingsAccess>();
        services.AddScoped<SiteDates>();
        services.Configure<MvcOptions>(o => o.Filters.Add<ReaderSettingsAccess.Loader>());
        services.AddSingleton<TimedEviction>();
        services.AddHostedService(sp => sp.GetRequiredService<TimedEviction>());
        return services;
    }
}
