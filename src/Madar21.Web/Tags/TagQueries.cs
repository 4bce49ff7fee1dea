using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Tags;

/// <summary>A tag as a link: its name as written and its slug.</summary>
public sealed record TagLink(string Name, string Slug)
{
    public string Url => TagQueries.UrlOf(Slug);
}

/// <summary>The tags' addresses and the reads every page of them shares.</summary>
public static class TagQueries
{
    public static string UrlOf(string slug) => $"/tag/{Uri.EscapeDataString(slug)}";

    public static string FeedUrlOf(string slug) => UrlOf(slug) + "/feed";

    /// <summary>A tag's public articles, newest first: a range of the (TagId, ListedAt, ArticleId) index, stopped after a page.</summary>
    public static IQueryable<int> PublicArticleIds(this MadarDb db, int tagId, DateTime now) =>
        db.ArticleTags.AsNoTracking()
            .Where(t => t.TagId == tagId && t.ListedAt != null && t.ListedAt <= now)
            .OrderByDescending(t => t.ListedAt).ThenByDescending(t => t.ArticleId)
            .Select(t => t.ArticleId);

    /// <summary>The cards of these articles in the order given (still public, by the one visibility rule).</summary>
    public static async Task<List<ArticleCard>> CardsInOrderAsync(MadarDb db, List<int> ids, DateTime now, CancellationToken ct)
    {
        var cards = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).PublicAt(now).ToCards().ToDictionaryAsync(c => c.Id, ct);
        return ids.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
    }

    /// <summary>An article's tags, in alphabetical order.</summary>
    public static Task<List<TagLink>> OfArticleAsync(MadarDb db, int articleId, CancellationToken ct) =>
        db.ArticleTags.AsNoTracking().Where(t => t.ArticleId == articleId).OrderBy(t => t.Tag!.Name)
            .Select(t => new TagLink(t.Tag!.Name, t.Tag.Slug)).ToListAsync(ct);

    public static async Task<List<string>> NamesOfAsync(MadarDb db, int articleId, CancellationToken ct) =>
        (await OfArticleAsync(db, articleId, ct)).Select(t => t.Name).ToList();

    /// <summary>The tag a slug names now, or the tag a former slug now belongs to (for a 301).</summary>
    public static async Task<(Tag? Tag, string? MovedTo)> FindAsync(MadarDb db, string slug, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is not null) return (tag, null);
        var movedTo = await db.TagAliases.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.Tag!.Slug).FirstOrDefaultAsync(ct);
        return (null, movedTo);
    }
}
