using Madar21.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Madar21.Web.Media;

public static class MediaSetup
{
    /// <summary>Where the public derivatives are served; the store's <c>public/</c> folder.</summary>
    public const string PublicPath = "/media/";

    /// <summary>The upload page, whose body limit is raised to the upload size (and only its).</summary>
    public const string UploadPage = "/Admin/Media/Upload";

    /// <summary>Files one upload request may carry.</summary>
    public const int MaxFilesPerUpload = 10;

    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = services.BindOptions<MediaOptions>(configuration, MediaOptions.SectionName);
        var root = options.Path ?? Path.Combine(RepositoryRoot.Find(contentRoot) ?? contentRoot, "data", "media");
        services.AddSingleton<IMediaStore>(new FileSystemMediaStore(root));
        services.AddSingleton<PictureProcessor>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<BodyPictures>();

        // The upload page alone accepts a large body: the rest of the site keeps Kestrel's default.
        var limit = (long)options.MaxUploadMiB * 1024 * 1024 * MaxFilesPerUpload + 1024 * 1024;
        // PostConfigure: AddRazorPages replaces the convention collection, whichever is registered first (AdminSetup).
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageApplicationModelConvention(UploadPage, page =>
            {
                var size = new RequestSizeLimitAttribute(limit);
                page.EndpointMetadata.Add(size);
                page.Filters.Add(size);
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
            }));
        return services;
    }

    /// <summary>
    /// Serves the derivatives at /media/ from the store, with range requests and 304s (the static-file middleware),
    /// as immutable: a file's name is a hash of its bytes, so a new picture is a new name. A reverse proxy may serve
    /// the same folder directly (README).
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<IMediaStore>();
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = store.PublicFiles,
            RequestPath = PublicPath.TrimEnd('/'),
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
    }
}
