namespace Madar21.Web.Site;

/// <summary>Bound from the "Site" configuration section.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The site's name, as every page, feed and sitemap shows it.</summary>
    public const string Name = "مدار21";

    /// <summary>Public origin used for canonical URLs, feeds and sitemaps; never taken from the request's Host header.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Target of «تابع آخر الأخبار من مدار21 على WhatsApp».</summary>
    public string WhatsAppUrl { get; set; } = "https://whatsapp.com/channel/0029VaFkl2p0AgW8LQS7W92V";

    /// <summary>Target of «تابع آخر الأخبار من مدار21 على Google News».</summary>
    public string GoogleNewsUrl { get; set; } = "https://news.google.com/publications/CAAqBwgKMNu8pwsw6Ma_Aw?hl=ar&gl=MA&ceid=MA:ar";

    /// <summary>The newsroom's public address, shown on «اتصل بنا» (/contact); none: the page lists the accounts only.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Who is credited for an article without an author (the seed articles among them), at <c>/author/desk</c>.</summary>
    public string DeskName { get; set; } = "هيئة التحرير";

    /// <summary>The site's accounts elsewhere, linked from the footer; an empty one is left out.</summary>
    public string? FacebookUrl { get; set; }
    public string? XUrl { get; set; }
    public string? YouTubeUrl { get; set; }
    public string? InstagramUrl { get; set; }
}
