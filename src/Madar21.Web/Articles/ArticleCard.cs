using Madar21.Web.Models;

namespace Madar21.Web.Articles;

/// <summary>What a list of articles shows for each one (home, section, search, related).</summary>
/// <param name="CommentCount">Approved comments only, as on the article page.</param>
/// <param name="LeadMediaId">The article's lead picture, if any; <see cref="Picture"/> once loaded (<see cref="Media.CardPictures"/>).</param>
/// <param name="AuthorIds">The byline's profiles in order, empty for the desk; null where the list did not read it (no byline shown).</param>
public sealed record ArticleCard(int Id, string Slug, string Title, string Section, DateTime PublishedAt, string Excerpt, int CommentCount, int? LeadMediaId = null,
    IReadOnlyList<int>? AuthorIds = null)
{
    public string Url => ArticleQueries.UrlOf(Id, Slug);

    public Media.PictureView? Picture { get; init; }
}

public static class ArticleCardQueries
{
    // The count is a correlated sub-query in the same command (an index seek on Comments(ArticleId, Status) per
    // card), never a query per card. Every card query repeats it because EF cannot compose a shared expression
    // inside a constructor call; the rule itself (approved only) is CommentQueries.PublicOf's. The byline comes in
    // the same command too (ids only, through the byline table's primary key; the names are StaffDirectory's).
    public static IQueryable<ArticleCard> ToCards(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleCard(a.Id, a.Slug, a.Title, a.Section!.Name, a.PublishedAt!.Value, a.Excerpt,
            a.Comments.Count(c => c.Status == CommentStatus.Approved), a.LeadMediaId,
            a.Authors.OrderBy(x => x.Position).Select(x => x.ProfileId).ToList()));
}
