using Madar21.Web.Models;

namespace Madar21.Web.Articles;

/// <summary>What a list of articles shows for each one (home, section, search, related).</summary>
public sealed record ArticleCard(int Id, string Slug, string Title, string Section, DateTime PublishedAt, string Excerpt)
{
    public string Url => ArticleQueries.UrlOf(Id, Slug);
}

public static class ArticleCardQueries
{
    public static IQueryable<ArticleCard> ToCards(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleCard(a.Id, a.Slug, a.Title, a.Section!.Name, a.PublishedAt!.Value, a.Excerpt));
}
