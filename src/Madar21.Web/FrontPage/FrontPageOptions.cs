namespace Madar21.Web.FrontPage;

/// <summary>Bound from the "FrontPage" configuration section.</summary>
public sealed class FrontPageOptions
{
    public const string SectionName = "FrontPage";

    /// <summary>Featured stories under the lead, pinned by editors or else the newest. Default: 4.</summary>
    public int FeaturedCount { get; set; } = 4;

    /// <summary>Articles in «آخر الأخبار» on the home page (the rest are on /latest). Default: 10.</summary>
    public int LatestCount { get; set; } = 10;

    /// <summary>Newest articles of each section in its block on the home page. Default: 4.</summary>
    public int SectionBlockSize { get; set; } = 4;

    /// <summary>The featured places, each at least 1 and at most 12 whatever the configuration says.</summary>
    public int Featured => Math.Clamp(FeaturedCount, 1, 12);
    public int Latest => Math.Clamp(LatestCount, 1, 50);
    public int BlockSize => Math.Clamp(SectionBlockSize, 1, 12);
}
