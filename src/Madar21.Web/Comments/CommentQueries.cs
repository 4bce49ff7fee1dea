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
}
