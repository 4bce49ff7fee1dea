using System.Data.Common;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Madar21.Web.Articles;

/// <summary>
/// Computes and stores each article's «مقالات ذات صلة» list, so that the article page reads it with one index seek
/// instead of ranking the whole archive on every request.
/// </summary>
/// <remarks>
/// The candidates are bounded: for each telling word of the title, the <see cref="CandidatesPerTerm"/> newest
/// articles whose title has it (<see cref="IArticleSearch.NewestWithTitleTermAsync"/>). A candidate scores the sum
/// of the weights of the words it shares, a rare word weighing more (1 + ln(limit / matches), so a word found in
/// fewer titles than the limit counts for more than one found in more). A shared tag is an editor's own statement that
/// two articles belong together: each tag the article has adds, to the <see cref="CandidatesPerTerm"/> newest articles
/// with it, <see cref="TagFactor"/> times what a title word as rare would. Then the same section, then the newest. The
/// article page applies the visibility rule when it reads the list, so an article unpublished or deleted leaves
/// every list at once; the lists are computed again when an article is saved (its own, the lists that named it,
/// and the lists of the articles it now names, so that a newer article appears under older ones).
/// </remarks>
public static class RelatedLists
{
    /// <summary>Stored per article: more than the page shows, so that one unpublished entry still leaves a full list.</summary>
    public const int Stored = 10;

    public const int CandidatesPerTerm = 100;

    /// <summary>Articles a save recomputes by itself; past this the work goes to <see cref="RelatedListsWorker"/>.</summary>
    public const int RefreshAtSave = 40;

    private const double SameSectionBonus = 0.5;

    /// <summary>How much more a shared tag weighs than a shared title word found as often.</summary>
    public const double TagFactor = 2;

    /// <summary>The ids of the articles whose stored lists name any of these.</summary>
    public static Task<List<int>> ListsNamingAsync(MadarDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        ids.Count == 0
            ? Task.FromResult(new List<int>())
            : db.RelatedArticles.Where(r => ids.Contains(r.RelatedId)).Select(r => r.ArticleId).Distinct().ToListAsync(ct);

    /// <summary>
    /// Recomputes the lists of <paramref name="changed"/> (articles whose title, section, status or date changed) and
    /// of <paramref name="naming"/> (lists that named one of them), then the lists of the articles the changed ones now
    /// name, leaving out <paramref name="later"/> (still to be computed anyway). Runs inside the caller's transaction.
    /// </summary>
    public static async Task RefreshAsync(
        MadarDb db, IArticleSearch search, IReadOnlyCollection<int> changed, IReadOnlyCollection<int> naming,
        Func<IReadOnlyCollection<int>, Task<HashSet<int>>>? later, Candidates candidates, CancellationToken ct)
    {
        var lists = await ComputeAsync(db, search, changed.Union(naming).ToList(), candidates, ct);
        var neighbours = lists.Where(l => changed.Contains(l.Key)).SelectMany(l => l.Value).Distinct()
            .Where(id => !lists.ContainsKey(id)).ToList();
        if (later is not null && neighbours.Count > 0)
        {
            var skip = await later(neighbours);
            neighbours.RemoveAll(skip.Contains);
        }
        foreach (var (id, list) in await ComputeAsync(db, search, neighbours, candidates, ct))
            lists[id] = list;
        await WriteAsync(db, lists, ct);
    }

    private static async Task<Dictionary<int, List<int>>> ComputeAsync(
        MadarDb db, IArticleSearch search, List<int> ids, Candidates candidates, CancellationToken ct)
    {
        var lists = new Dictionary<int, List<int>>();
        if (ids.Count == 0) return lists;
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Status }).ToListAsync(ct);
        var scores = new Dictionary<int, Dictionary<int, double>>();
        var tagsOf = (await db.ArticleTags.AsNoTracking().Where(t => ids.Contains(t.ArticleId))
            .Select(t => new { t.ArticleId, t.TagId }).ToListAsync(ct)).ToLookup(t => t.ArticleId, t => t.TagId);
        foreach (var id in ids) lists[id] = [];
        foreach (var article in articles.Where(a => ArticleQueries.GoesOut(a.Status)))
        {
            var score = new Dictionary<int, double>();
            foreach (var term in SearchQuery.Keywords(article.Title).Terms)
            {
                var matches = await candidates.ForAsync(db, search, term, ct);
                var weight = 1 + Math.Log((double)CandidatesPerTerm / Math.Max(1, matches.Count));
                foreach (var match in matches)
                    if (match != article.Id)
                        score[match] = score.GetValueOrDefault(match) + weight;
            }
            foreach (var tagId in tagsOf[article.Id])
            {
                var matches = await candidates.ForTagAsync(db, tagId, ct);
                var weight = TagFactor * (1 + Math.Log((double)CandidatesPerTerm / Math.Max(1, matches.Count)));
                foreach (var match in matches)
                    if (match != article.Id)
                        score[match] = score.GetValueOrDefault(match) + weight;
            }
            scores[article.Id] = score;
        }

        // Section and date only for the best few of each (ties in score are broken by them), read in one query.
        var best = scores.ToDictionary(s => s.Key, s => s.Value.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key).Take(Stored * 4).ToList());
        await candidates.LoadFactsAsync(db, best.Values.SelectMany(b => b.Select(c => c.Key)).Append(0).Concat(best.Keys).ToList(), ct);
        foreach (var (id, top) in best)
        {
            if (!candidates.Facts.TryGetValue(id, out var self)) continue;
            lists[id] = top
                .Where(c => candidates.Facts.ContainsKey(c.Key))
                .Select(c => (Id: c.Key, Score: c.Value + (candidates.Facts[c.Key].SectionId == self.SectionId ? SameSectionBonus : 0), candidates.Facts[c.Key].PublishedAt))
                .OrderByDescending(c => c.Score).ThenByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
                .Take(Stored)
                .Select(c => c.Id)
                .ToList();
        }
        return lists;
    }

    /// <summary>Replaces the stored lists, with two prepared commands (portable SQL) on the caller's transaction.</summary>
    private static async Task WriteAsync(MadarDb db, Dictionary<int, List<int>> lists, CancellationToken ct)
    {
        if (lists.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var delete = PreparedCommands.Create(connection, transaction, """DELETE FROM "RelatedArticles" WHERE "ArticleId" = @a""", "@a");
        await using var insert = PreparedCommands.Create(connection, transaction,
            """INSERT INTO "RelatedArticles" ("ArticleId", "Position", "RelatedId") VALUES (@a, @p, @r)""", "@a", "@p", "@r");
        foreach (var (id, list) in lists)
        {
            delete.Parameters[0].Value = id;
            await delete.ExecuteNonQueryAsync(ct);
            for (var position = 0; position < list.Count; position++)
            {
                insert.Parameters[0].Value = id;
                insert.Parameters[1].Value = position;
                insert.Parameters[2].Value = list[position];
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>Adds articles to the queue that <see cref="RelatedListsWorker"/> drains (portable upsert).</summary>
    public static void Enqueue(MadarDb db, IEnumerable<int> ids)
    {
        using var insert = PreparedCommands.Create(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(),
            """INSERT INTO "RelatedPending" ("ArticleId") VALUES (@a) ON CONFLICT DO NOTHING""", "@a");
        foreach (var id in ids)
        {
            insert.Parameters[0].Value = id;
            insert.ExecuteNonQuery();
        }
    }


    /// <summary>
    /// What one pass has read already: each term's candidates and each article's section and date. A pass over
    /// thousands of articles asks for the same common words again and again; the memory stays bounded.
    /// </summary>
    public sealed class Candidates
    {
        private const int MaxKept = 50_000;
        private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<int>> _byTag = [];

        public Dictionary<int, (int SectionId, DateTime PublishedAt)> Facts { get; } = [];

        public async Task<List<int>> ForAsync(MadarDb db, IArticleSearch search, SearchTerm term, CancellationToken ct)
        {
            if (_byTerm.TryGetValue(term.Word, out var known)) return known;
            if (_byTerm.Count >= MaxKept) _byTerm.Clear();
            return _byTerm[term.Word] = await search.NewestWithTitleTermAsync(db, term, CandidatesPerTerm, ct);
        }

        /// <summary>The newest articles with this tag, drafts left out (one range of the tag's listing index).</summary>
        public async Task<List<int>> ForTagAsync(MadarDb db, int tagId, CancellationToken ct)
        {
            if (_byTag.TryGetValue(tagId, out var known)) return known;
            if (_byTag.Count >= MaxKept) _byTag.Clear();
            return _byTag[tagId] = await db.ArticleTags.AsNoTracking()
                .Where(t => t.TagId == tagId && t.ListedAt != null)
                .OrderByDescending(t => t.ListedAt).ThenByDescending(t => t.ArticleId)
                .Take(CandidatesPerTerm).Select(t => t.ArticleId).ToListAsync(ct);
        }

        public async Task LoadFactsAsync(MadarDb db, List<int> ids, CancellationToken ct)
        {
            var missing = ids.Where(id => !Facts.ContainsKey(id)).Distinct().ToList();
            if (missing.Count == 0) return;
            if (Facts.Count + missing.Count > MaxKept)
            {
                Facts.Clear();
                missing = ids.Distinct().ToList();
            }
            foreach (var chunk in missing.Chunk(5000))
                foreach (var a in await db.Articles.AsNoTracking().GoingOut()
                             .Where(a => chunk.Contains(a.Id) && a.PublishedAt != null)
                             .Select(a => new { a.Id, a.SectionId, PublishedAt = a.PublishedAt!.Value }).ToListAsync(ct))
                    Facts[a.Id] = (a.SectionId, a.PublishedAt);
        }
    }
}
