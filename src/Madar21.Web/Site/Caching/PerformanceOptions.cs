namespace Madar21.Web.Site.Caching;

/// <summary>Bound from the "Performance" configuration section.</summary>
public sealed class PerformanceOptions
{
    public const string SectionName = "Performance";

    /// <summary>
    /// Serve anonymous public pages from the shared output cache. Default: true. Turned off only to measure the
    /// uncached pages (tests/bench); pages are still correct without it, only slower.
    /// </summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// Longest life of a cached page. Default: 10 minutes. Pages are evicted the moment their data changes; this is
    /// only a bound on memory held by pages nobody asks for any more.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Memory the cached pages may use, in MiB. Default: 64.</summary>
    public int CacheSizeMiB { get; set; } = 64;
}
