using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Tags;

/// <summary>
/// Gives articles their tags: finds each name's tag by its identity, or creates it with a free slug, and replaces an
/// article's tags with tracked entities, so that the same SaveChanges stores them with the article.
/// </summary>
public static class Tagging
{
    /// <summary>Replaces the tags of a tracked article (new or loaded) with these names (see <see cref="TagNames.Parse"/>).</summary>
    public static async Task SetAsync(MadarDb db, Article article, IReadOnlyList<string> names, DateTime now, CancellationToken ct)
    {
        var tags = await ResolveAsync(db, names, now, ct);
        var current = article.Id == 0 ? [] : await db.ArticleTags.Where(t => t.ArticleId == article.Id).ToListAsync(ct);
        Replace(db, current, tags, tag => new ArticleTag { Article = article, Tag = tag, ListedAt = TagListing.ListedAtOf(article) });
    }

    /// <summary>The same for an article written without the change tracker (the seed import), listed at <paramref name="listedAt"/>.</summary>
    public static async Task SetAsync(MadarDb db, int articleId, IReadOnlyList<string> names, DateTime? listedAt, DateTime now, CancellationToken ct)
    {
        var tags = await ResolveAsync(db, names, now, ct);
        var current = await db.ArticleTags.Where(t => t.ArticleId == articleId).ToListAsync(ct);
        foreach (var kept in current) kept.ListedAt = listedAt;
        Replace(db, current, tags, tag => new ArticleTag { ArticleId = articleId, Tag = tag, ListedAt = listedAt });
    }

    private static void Replace(MadarDb db, List<ArticleTag> current, List<Tag> tags, Func<Tag, ArticleTag> link)
    {
        var wanted = tags.ToHashSet();
        foreach (var gone in current.Where(t => !tags.Any(tag => tag.Id != 0 && tag.Id == t.TagId)))
            db.ArticleTags.Remove(gone);
        foreach (var tag in wanted.Where(tag => tag.Id == 0 || current.All(t => t.TagId != tag.Id)))
            db.ArticleTags.Add(link(tag));
    }

    /// <summary>The tags of these names, existing or new (tracked, saved with the caller's SaveChanges), in the same order.</summary>
    public static async Task<List<Tag>> ResolveAsync(MadarDb db, IReadOnlyList<string> names, DateTime now, CancellationToken ct)
    {
        if (names.Count == 0) return [];
        var keys = names.Select(TagNames.KeyOf).ToList();
        var known = db.Tags.Local.Where(t => keys.Contains(t.Key)).ToDictionary(t => t.Key, StringComparer.Ordinal);
        foreach (var tag in await db.Tags.Where(t => keys.Contains(t.Key)).ToListAsync(ct))
            known.TryAdd(tag.Key, tag);
        var tags = new List<Tag>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!known.TryGetValue(keys[i], out var tag))
            {
                tag = new Tag { Name = names[i], Key = keys[i], Slug = await FreeSlugAsync(db, names[i], ct), CreatedAt = now };
                db.Tags.Add(tag);
                known[tag.Key] = tag;
            }
            tags.Add(tag);
        }
        return tags;
    }

    /// <summary>The name's slug, or with «-2», «-3» … when a tag (or a former slug of one) has it already.</summary>
    public static async Task<string> FreeSlugAsync(MadarDb db, string name, CancellationToken ct, int? except = null)
    {
        var stem = Slug.FromTitle(name);
        var prefix = stem + "-";
        var taken = (await db.Tags.Where(t => t.Id != except && (t.Slug == stem || t.Slug.StartsWith(prefix))).Select(t => t.Slug).ToListAsync(ct))
            .Concat(await db.TagAliases.Where(a => a.TagId != except && (a.Slug == stem || a.Slug.StartsWith(prefix))).Select(a => a.Slug).ToListAsync(ct))
            .Concat(db.Tags.Local.Where(t => t.Id == 0).Select(t => t.Slug))
            .ToHashSet(StringComparer.Ordinal);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{stem}-{n}";
        return slug;
    }
}
