using Madar21.Web.SitePages;

namespace Madar21.Web.FrontPage;

/// <summary>The edited home page (pins and their expiry) and the site's own pages.</summary>
public static class FrontPageSetup
{
    public static IServiceCollection AddFrontPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FrontPageOptions>(configuration.GetSection(FrontPageOptions.SectionName));
        services.AddScoped<FrontPageLoader>();
        services.AddSingleton<PinExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<PinExpiry>());
        services.AddScoped<SitePageLinks>();
        services.AddScoped<SitePageEditor>();
        return services;
    }

    /// <summary>The former fixed pages (/about, /contact, /privacy) answer 301 to their editable pages.</summary>
    public static WebApplication MapSitePageRedirects(this WebApplication app)
    {
        foreach (var (old, slug) in SitePageDefaults.Moved)
            app.MapMethods(old, [HttpMethods.Get, HttpMethods.Head], () => Results.Redirect(SitePageLinks.UrlOf(slug), permanent: true));
        return app;
    }
}
