namespace Madar21.Web.Comments;

/// <summary>Bound from the "Comments" configuration section; every default below is what runs when nothing is set.</summary>
public sealed class CommentsOptions
{
    public const string SectionName = "Comments";

    /// <summary>Comment posts accepted from one client address in any minute; the next one gets 429. Default 5.</summary>
    public int PermitPerMinute { get; set; } = 5;

    /// <summary>How long the same text from the same address on the same article counts as a duplicate. Default 10 minutes.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Origins (<c>https://host[:port]</c>) allowed to post comments besides the site's own host and <c>Site:BaseUrl</c>.
    /// Default: none.
    /// </summary>
    public List<string> TrustedOrigins { get; set; } = [];

    /// <summary>How long the «احفظ اسمي…» cookie keeps a commenter's name, email and site. Default 180 days.</summary>
    public int RememberDays { get; set; } = 180;
}
