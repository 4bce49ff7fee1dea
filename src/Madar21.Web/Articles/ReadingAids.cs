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

        // Previous and next, each as two index seeks that stop at their first row: the articles of the same time on
        // the near side of this one's id, and the nearest time beyond it. One condition "time before, or same time and
        // smaller id" would walk every article of the same time first, and a seed import gives a whole archive one
        // time. The older side needs no "public by now" bound when this article is public: what is older is public too
        // (a second upper bound would make SQLite seek on one and scan from the top).
        var olderSide = at <= utcNow ? db.Articles.AsNoTracking().GoingOut().Where(a => a.SectionId == current.SectionId && a.Id != current.Id) : inSection;
        var previous = Picks(AidKind.Previous, olderSide.Where(a => a.PublishedAt == at && a.Id < current.Id).OrderByDescending(a => a.Id).Take(1))
            .Concat(Picks(AidKind.Previous, olderSide.Where(a => a.PublishedAt < at).NewestFirst().Take(1)));
        var next = Picks(AidKind.Next, inSection.Where(a => a.PublishedAt == at && a.Id > current.Id).OrderBy(a => a.Id).Take(1))
            .Concat(Picks(AidKind.Next, inSection.Where(a => a.PublishedAt > at).OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Take(1)));
        var latest = Picks(AidKind.Latest, inSection.NewestFirst().Take(Candidates));
        var newest = Picks(AidKind.Newest, visible.NewestFirst().Take(LatestCount));
        // The stored list (see RelatedLists), read through the visibility rule: an entry unpublished or deleted
        // since the list was computed is simply left out.
        var similar = (
            from r in db.RelatedArticles
            where r.ArticleId == current.Id
            join a in visible on r.RelatedId equals a.Id
            orderby r.Position
            select new Pick { Kind = AidKind.Similar, Score = r.Position, Id = a.Id }).Take(Candidates);
        var picks = previous.Concat(next).Concat(latest).Concat(newest).Concat(similar);

        // The parts pick ids only; the cards are read once, by id, in the same command. SQLite compiles the command
        // afresh for every page, and one card projection rather than seven keeps that compilation short.
        var aids =
            from p in picks
            join a in db.Articles on p.Id equals a.Id
            select new Aid { Kind = p.Kind, Score = p.Score, Id = a.Id, Slug = a.Slug, Title = a.Title, Section = a.Section!.Name, PublishedAt = a.PublishedAt!.Value, Excerpt = a.Excerpt, CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved), LeadMediaId = a.LeadMediaId };

        var rows = await aids.ToListAsync(ct);
        // Of each side's two candidates, the one nearest this article.
        var previousCard = rows.Where(r => r.Kind == AidKind.Previous).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).FirstOrDefault();
        var nextCard = rows.Where(r => r.Kind == AidKind.Next).OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).FirstOrDefault();
        var neighbours = new[] { previousCard?.Id, nextCard?.Id }.OfType<int>().ToHashSet();
        var related = rows.Where(r => r.Kind == AidKind.Similar).OrderBy(r => r.Score).ThenByDescending(r => r.PublishedAt)
            .Concat(rows.Where(r => r.Kind == AidKind.Latest).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id))
            .Where(r => !neighbours.Contains(r.Id))
            .DistinctBy(r => r.Id)
            .Take(RelatedCount)
            .Select(r => r.Card)
            .ToList();
        return new ReadingAidsView(
            related,
            previousCard?.Card,
            nextCard?.Card,
            rows.Where(r => r.Kind == AidKind.Newest).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.Card).ToList());
    }

    private enum AidKind { Previous, Next, Latest, Similar, Newest }

    private static IQueryable<Pick> Picks(AidKind kind, IQueryable<Article> articles) =>
        articles.Select(a => new Pick { Kind = kind, Score = 0, Id = a.Id });

    // Settable properties rather than a constructor: EF translates a set operation only over member initialisers.
    private sealed class Pick
    {
        public AidKind Kind { get; init; }
        public double Score { get; init; }
        public int Id { get; init; }
    }

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
