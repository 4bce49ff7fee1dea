namespace Madar21.Web.Discovery;

/// <summary>Bound from the "Discovery" configuration section.</summary>
public sealed class DiscoveryOptions
{
    public const string SectionName = "Discovery";

    /// <summary>Articles in <c>/feed</c> and in each section's feed.</summary>
    public int FeedItems { get; set; } = 20;

    /// <summary>URLs per sitemap file; past it <c>/sitemap.xml</c> becomes an index of <c>/sitemaps/N.xml</c>. The protocol allows 50,000.</summary>
    public int SitemapUrlsPerFile { get; set; } = 50_000;

    /// <summary>How far back the Google News sitemap reaches (Google reads two days).</summary>
    public TimeSpan NewsWindow { get; set; } = TimeSpan.FromHours(48);
}
