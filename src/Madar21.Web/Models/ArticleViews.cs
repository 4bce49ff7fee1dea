namespace Madar21.Web.Models;

/// <summary>
/// How many times an article was read in one hour (UTC, truncated). Nothing about the reader is kept: no address,
/// no cookie, no user agent; only the count.
/// </summary>
public class ArticleViews
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The start of the hour, UTC.</summary>
    public DateTime Hour { get; set; }

    public int Views { get; set; }
}
