using System.IO.Compression;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Madar21.Web.Site.Caching;

/// <summary>Output cache, compression and static file caching: the two halves wired in Program.cs.</summary>
public static class PageDelivery
{
    public static IServiceCollection AddPageDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.BindOptions<PerformanceOptions>(configuration, PerformanceOptions.SectionName);

        services.AddOutputCache(o =>
        {
            o.SizeLimit = options.CacheSizeMiB * 1024L * 1024;
            o.DefaultExpirationTimeSpan = options.CacheDuration;
            o.AddPolicy(PublicPagePolicy.Lists, new PublicPagePolicy(CacheTags.Site, CacheTags.Lists));
            o.AddPolicy(PublicPagePolicy.Front, new PublicPagePolicy(CacheTags.Site, CacheTags.Lists, CacheTags.Front));
            // An article page also lists other articles (related, previous, next): it goes stale with the lists too.
            o.AddPolicy(PublicPagePolicy.Article, new PublicPagePolicy(CacheTags.Site, CacheTags.Lists, CacheTags.ArticleRouteTemplate));
        });
        services.AddSingleton<PageCache>();
        services.AddSingleton<Articles.DeepPages>();
        services.AddSingleton<ScheduledPublication>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublication>());
        services.AddSingleton<CacheInvalidationInterceptor>();

        services.AddResponseCompression(o =>
        {
            // Public pages carry no secret, so compressing them over HTTPS gives BREACH nothing to guess;
            // forms with antiforgery tokens live under /admin, which is left uncompressed (see UsePageDelivery).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/xml", "text/plain", "application/xml", "application/json",
                "application/rss+xml", "application/atom+xml", "application/xhtml+xml", "image/svg+xml", "application/javascript", "text/javascript"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// After routing: the output cache (it needs the endpoint's policy), inside it compression (so the cache keeps
    /// the compressed bytes and a hit costs no compression), then static files.
    /// </summary>
    public static WebApplication UsePageDelivery(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/admin"), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                // asp-append-version adds ?v=<hash of the file>: that URL's bytes never change.
                if (file.Context.Request.Query.ContainsKey("v"))
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        return app;
    }
}
