using Madar21.Web.Models;

namespace Madar21.Web.Comments;

/// <summary>What readers see of a comment: never its email, address or user agent.</summary>
public sealed record CommentView(int Id, string Author, string? Url, string Text, DateTime CreatedAt);

public static class CommentQueries
{
    /// <summary>The one definition of a public comment: approved, under its article, oldest first.</summary>
    public static IQueryable<CommentView> PublicOf(this IQueryable<Comment> comments, int articleId) =>
        comments
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.Author, c.Url, c.Text, c.CreatedAt));

    /// <summary>
    /// What <see cref="CommentThread"/> is built from: the approved comments of an article, and the other comments
    /// that have replies (a trashed parent becomes a placeholder); only approved ones carry their words.
    /// </summary>
    public static IQueryable<CommentThread.Row> ThreadOf(this IQueryable<Comment> comments, int articleId) =>
        comments
            .Where(c => c.ArticleId == articleId && (c.Status == CommentStatus.Approved || c.Replies.Any()))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => c.Status == CommentStatus.Approved
                ? new CommentThread.Row(c.Id, c.ParentId, new CommentView(c.Id, c.Author, c.Url, c.Text, c.CreatedAt))
                : new CommentThread.Row(c.Id, c.ParentId, null));

    /// <summary>A reply may only answer an approved comment of the same article.</summary>
    public static IQueryable<Comment> RepliableOn(this IQueryable<Comment> comments, int articleId) =>
        comments.Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved);
}
