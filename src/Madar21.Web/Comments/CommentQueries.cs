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
    /// «N تعليقات» with the Arabic plural forms (CLDR's rules for Arabic): none, one, two, 3–10 (plural),
    /// 11–99 (singular accusative), and the hundreds (100, 101, 102, 200 …) take the singular again.
    /// </summary>
    public static string CountHeading(int count) => count switch
    {
        0 => "لا توجد تعليقات",
        1 => "تعليق واحد",
        2 => "تعليقان",
        _ => (count % 100) switch
        {
            >= 3 and <= 10 => $"{count} تعليقات",
            >= 11 => $"{count} تعليقاً",
            _ => $"{count} تعليق",
        },
    };
}
