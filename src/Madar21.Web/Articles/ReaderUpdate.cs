using Madar21.Web.Models;

namespace Madar21.Web.Articles;

/// <summary>
/// «آخر تحديث»: what counts as a change a reader cares about. A change of the title, the summary or the body's text
/// made while the article was public; not a change of its section, picture, status, comment settings or comment
/// count, nor of the body's formatting alone (the text readers read is the same), nor an edit of a draft.
/// </summary>
public static class ReaderUpdate
{
    /// <summary>Less than this after publication, a correction is part of publishing it, not an update.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public sealed record Before(bool WasPublic, string Title, string? Summary, string BodyText);

    public static Before Of(Article article, DateTime utcNow) =>
        new(article.IsPublicAt(utcNow), article.Title, article.Summary, article.BodyText);

    /// <summary>Sets <see cref="Article.RevisedAt"/> when the save changed what readers read of a public article.</summary>
    public static void Note(Article article, Before before, DateTime utcNow)
    {
        if (!before.WasPublic) return;
        if (before.Title != article.Title || before.Summary != article.Summary || before.BodyText != article.BodyText)
            article.RevisedAt = utcNow;
    }

    /// <summary>The time to show as «آخر تحديث», or null when there is none worth showing.</summary>
    public static DateTime? Shown(DateTime publishedAt, DateTime? revisedAt) =>
        revisedAt is { } at && at - publishedAt >= Grace ? at : null;
}
