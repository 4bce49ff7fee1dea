using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>
/// Around an article: «مقالات ذات صلة» (those whose titles share the most telling words with this one, then the
/// newest of its section; never the previous or next article, which have their own links), the previous and next
/// article of its section, and the newest articles of the site for the sidebar. One SQL command for all of it, each part an index seek;
/// the related list is stored (see <see cref="RelatedLists"/>).
/// </summary>
public static class ReadingAids
{
    /// <summary>Two rows of two cards: the article column holds two cards side by side at most.</summary>
    public const int RelatedCount = 4;

    /// <summary>«آخر الأخبار» beside the article.</summary>
    public const int LatestCount = 6;

    // Previous and next are left out of the related list: ask for enough to fill it without them.
    private const int Candidates = RelatedCount + 2;

    public static async Task<ReadingAidsView> LoadAsync(MadarDb db, ArticleRef current, DateTime utcNow, CancellationToken ct)
    {
        var visible = db.Articles.AsNoTracking().PublicAt(utcNow).Where(a => a.Id != current.Id);
        var inSection = visible.Where(a => a.SectionId == current.SectionId);
        var at = current.PublishedAt;

        var previous = inSection
            .Where(a => a.PublishedAt < at || a.PublishedAt == at && a.Id < current.Id)
            .NewestFirst().Take(1)
            .Select(a => new Aid { Kind = AidKind.Previous, Score = 0, Id = a.Id, Slug = a.Slug, Title = a.Title, Section = a.Section!.Name, PublishedAt = a.PublishedAt!.Value, Excerpt = a.Excerpt, CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved), LeadMediaId = a.LeadMediaId });
        var next = inSection
            .Where(a => a.PublishedAt > at || a.PublishedAt == at && a.Id > current.Id)
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Take(1)
            .Select(a => new Aid { Kind = AidKind.Next, Score = 0, Id = a.Id, Slug = a.Slug, Title = a.Title, Section = a.Section!.Name, PublishedAt = a.PublishedAt!.Value, Excerpt = a.Excerpt, CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved), LeadMediaId = a.LeadMediaId });
        var latest = inSection
            .NewestFirst().Take(Candidates)
            .Select(a => new Aid { Kind = AidKind.Latest, Score = 0, Id = a.Id, Slug = a.Slug, Title = a.Title, Section = a.Section!.Name, PublishedAt = a.PublishedAt!.Value, Excerpt = a.Excerpt, CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved), LeadMediaId = a.LeadMediaId });
        var newest = visible
            .NewestFirst().Take(LatestCount)
            .Select(a => new Aid { Kind = AidKind.Newest, Score = 0, Id = a.Id, Slug = a.Slug, Title = a.Title, Section = a.Section!.Name, PublishedAt = a.PublishedAt!.Value, Excerpt = a.Excerpt, CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved), LeadMediaId = a.LeadMediaId });
        var aids = previous.Concat(next).Concat(latest).Concat(newest);

        // The stored list (see RelatedLists), read through the visibility rule: an entry unpublished or deleted
        // since the list was computed is simply left out.
        var similar =
            from r in db.RelatedArticles
            where r.ArticleId == current.Id
            join a in visible on r.RelatedId equals a.Id
            orderby r.Position
            select new Aid { Kind = AidKind.Similar, Score = r.Position, Id = a.Id, Slug = a.Slug, Title = a.Title, Section = a.Section!.Name, PublishedAt = a.PublishedAt!.Value, Excerpt = a.Excerpt, CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved), LeadMediaId = a.LeadMediaId };
        aids = aids.Concat(similar.Take(Candidates));

        var rows = await aids.ToListAsync(ct);
        var neighbours = rows.Where(r => r.Kind is AidKind.Previous or AidKind.Next).Select(r => r.Id).ToHashSet();
        var related = rows.Where(r => r.Kind == AidKind.Similar).OrderBy(r => r.Score).ThenByDescending(r => r.PublishedAt)
            .Concat(rows.Where(r => r.Kind == AidKind.Latest).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id))
            .Where(r => !neighbours.Contains(r.Id))
            .DistinctBy(r => r.Id)
            .Take(RelatedCount)
            .Select(r => r.Card)
            .ToList();
        return new ReadingAidsView(
            related,
            rows.FirstOrDefault(r => r.Kind == AidKind.Previous)?.Card,
            rows.FirstOrDefault(r => r.Kind == AidKind.Next)?.Card,
            rows.Where(r => r.Kind == AidKind.Newest).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.Card).ToList());
    }

    private enum AidKind { Previous, Next, Latest, Similar, Newest }

    // Settable properties rather than a constructor: EF translates a set operation only over member initialisers.
    private sealed class Aid
    {
        public AidKind Kind { get; init; }
        public double Score { get; init; }
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Section { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public string Excerpt { get; init; } = "";
        public int CommentCount { get; init; }
        public int? LeadMediaId { get; init; }

        public ArticleCard Card => new(Id, Slug, Title, Section, PublishedAt, Excerpt, CommentCount, LeadMediaId);
    }
}

/// <summary>The article the aids are for.</summary>
public sealed record ArticleRef(int Id, int SectionId, DateTime PublishedAt, string Title);

/// <param name="Previous">The next older article of the section.</param>
/// <param name="Next">The next newer article of the section.</param>
/// <param name="Latest">The newest articles of the whole site, for the sidebar.</param>
public sealed record ReadingAidsView(List<ArticleCard> Related, ArticleCard? Previous, ArticleCard? Next, List<ArticleCard> Latest);
