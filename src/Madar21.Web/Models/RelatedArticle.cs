namespace Madar21.Web.Models;

/// <summary>
/// One entry of an article's stored «مقالات ذات صلة» list, computed when articles are saved
/// (<see cref="Articles.RelatedLists"/>) so that the article page reads it with one index seek.
/// </summary>
public class RelatedArticle
{
    public int ArticleId { get; set; }

    /// <summary>0 for the most related.</summary>
    public int Position { get; set; }

    public int RelatedId { get; set; }
    public Article? Related { get; set; }
}

/// <summary>An article whose related list must be computed again (a bulk import, or a list that named a changed article).</summary>
public class RelatedPending
{
    public int ArticleId { get; set; }
}
