using System.Collections.Concurrent;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>
/// Keeps page 2,000 of a section (or of /latest, or of an author) as cheap as page 1. SQLite cannot jump to the 40,000th entry of an index, so a
/// plain OFFSET walks them all; instead this remembers the publication time of every <see cref="Stride"/>-th
/// article of a section, seeks there, and walks less than one stride. The marks are found in one walk and kept
/// until the next change to the data (any page-cache eviction).
/// </summary>
public sealed class DeepPages(PageCache cache)
{
    public const int Stride = 1000;

    private readonly ConcurrentDictionary<string, Marks> _byList = new();

    /// <summary>The section's public articles, newest first, from <paramref name="skip"/> on.</summary>
    public Task<List<ArticleCard>> SectionPageAsync(MadarDb db, int sectionId, DateTime now, int skip, int take, CancellationToken ct) =>
        PageAsync($"section:{sectionId}", at => db.Articles.AsNoTracking().Where(a => a.SectionId == sectionId).PublicAt(at).NewestFirst(), now, skip, take, ct);

    /// <summary>Every public article of the site, newest first, from <paramref name="skip"/> on (/latest).</summary>
    public Task<List<ArticleCard>> LatestPageAsync(MadarDb db, DateTime now, int skip, int take, CancellationToken ct) =>
        PageAsync("latest", at => db.Articles.AsNoTracking().PublicAt(at).NewestFirst(), now, skip, take, ct);

    /// <summary>
    /// A list's public articles from <paramref name="skip"/> on. <paramref name="publicAt"/> gives the list's articles
    /// public at a time, newest first (publication time, then id, both descending); <paramref name="list"/> names it
    /// for the marks kept.
    /// </summary>
    public async Task<List<ArticleCard>> PageAsync(string list, Func<DateTime, IQueryable<Article>> publicAt, DateTime now, int skip, int take, CancellationToken ct)
    {
        if (skip >= Stride)
        {
            var marks = await MarksAsync(publicAt(now), list, ct);
            var mark = Math.Min(skip / Stride, marks.Keys.Length);
            if (mark > 0)
            {
                // From the mark's time down: the mark is public already, so its time is the only upper bound the
                // query needs (with a second bound, "<= now", SQLite seeks on one and scans from the top). The
                // articles of the same time that come before the mark (higher ids) are skipped with the offset.
                var (at, tiesBefore) = marks.Keys[mark - 1];
                return await publicAt(at).Skip(skip - mark * Stride + tiesBefore).Take(take).ToCards().ToListAsync(ct);
            }
        }
        return await publicAt(now).Skip(skip).Take(take).ToCards().ToListAsync(ct);
    }

    private async Task<Marks> MarksAsync(IQueryable<Article> newestFirst, string list, CancellationToken ct)
    {
        var generation = cache.Generation;
        if (_byList.TryGetValue(list, out var known) && known.Generation == generation)
            return known;

        var keys = new List<(DateTime, int)>();
        var row = 0;
        var tiesBefore = 0;
        DateTime? previous = null;
        await foreach (var at in newestFirst.Select(a => a.PublishedAt!.Value).AsAsyncEnumerable().WithCancellation(ct))
        {
            tiesBefore = at == previous ? tiesBefore + 1 : 0;
            previous = at;
            if (++row > Stride && row % Stride == 1) keys.Add((at, tiesBefore));
        }
        var marks = new Marks(generation, [.. keys]);
        _byList[list] = marks;
        return marks;
    }

    /// <param name="Keys">
    /// Keys[k]: the time of the article at offset (k + 1) × <see cref="Stride"/>, and how many articles of that same
    /// time come before it.
    /// </param>
    private sealed record Marks(long Generation, (DateTime PublishedAt, int TiesBefore)[] Keys);
}
