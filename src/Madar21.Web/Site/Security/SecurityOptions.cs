namespace Madar21.Web.Site.Security;

/// <summary>Bound from the "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// How long a browser that reached the site over HTTPS keeps refusing plain HTTP (Strict-Transport-Security).
    /// Default: 365 days. Sent on HTTPS responses only (directly, or through a trusted proxy's
    /// X-Forwarded-Proto); <c>00:00:00</c> sends <c>max-age=0</c>, which tells browsers to forget it.
    /// </summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Adds <c>includeSubDomains</c> to HSTS. Default: false (only when every subdomain serves HTTPS).</summary>
    public bool HstsIncludeSubdomains { get; set; }

    /// <summary>
    /// Origins (<c>https://images.example.com</c>) from which article images may load, besides the site itself.
    /// Default: none: the pages make no request to another site, and an image an editor links from elsewhere is
    /// not shown until its origin is listed here.
    /// </summary>
    public List<string> ImageSources { get; set; } = [];
}
