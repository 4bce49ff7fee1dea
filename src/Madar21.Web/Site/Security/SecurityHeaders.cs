using System.Globalization;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Site.Security;

/// <summary>
/// The headers every response carries, whatever produced it: a page, a cached page, an error page, a static file,
/// a feed, a redirect. They are added when the response starts, so that neither the exception handler (which
/// clears the headers before it renders the error page) nor a cached copy can leave them out.
/// </summary>
public sealed class SecurityHeaders
{
    private readonly RequestDelegate _next;
    private readonly string _contentSecurityPolicy;
    private readonly string _hsts;

    public SecurityHeaders(RequestDelegate next, IOptions<SecurityOptions> options)
    {
        _next = next;
        _contentSecurityPolicy = ContentSecurityPolicy(options.Value);
        _hsts = string.Create(CultureInfo.InvariantCulture, $"max-age={(long)options.Value.HstsMaxAge.TotalSeconds}")
            + (options.Value.HstsIncludeSubdomains ? "; includeSubDomains" : "");
    }

    /// <summary>
    /// No inline script or style anywhere (the stylesheet is a file, JSON-LD is data that CSP does not run), forms
    /// post only to the site, and nobody may frame it. <c>data:</c> images are allowed for the browser's own
    /// form controls and for SVG in the stylesheet.
    /// </summary>
    public static string ContentSecurityPolicy(SecurityOptions options) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        + $"img-src {string.Join(' ', new[] { "'self'", "data:" }.Concat(options.ImageSources))}; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>Every powerful feature the site does not use, switched off for it and for anything it might embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), "
        + "geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), "
        + "payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
        + "xr-spatial-tracking=(), browsing-topics=()";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, http) = ((SecurityHeaders, HttpContext))state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = self._contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // for browsers older than frame-ancestors
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // After the forwarded-headers middleware, IsHttps is also true behind a trusted HTTPS proxy. Browsers
            // ignore HSTS over plain HTTP, and sending it there would only be noise.
            if (http.Request.IsHttps)
                headers.StrictTransportSecurity = self._hsts;
            headers.Server = default;
            return Task.CompletedTask;
        }, (this, context));
        return _next(context);
    }
}
