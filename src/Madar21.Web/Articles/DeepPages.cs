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
                // The mark's own time first, from the mark's id down: an index seek to the mark however many articles
                // share its time (a seed import gives a whole archive one time). The mark is public already, so its
                // time is the only upper bound the queries need (with a second bound, "<= now", SQLite seeks on one
                // and scans from the top).
                var (at, id) = marks.Keys[mark - 1];
                var within = skip - mark * Stride;
                var sameTime = publicAt(at).Where(a => a.PublishedAt == at && a.Id <= id);
                var page = await sameTime.Skip(within).Take(take).ToCards().ToListAsync(ct);
                if (page.Count == take) return page;
                // Then the older times, once the offset has passed the rest of the mark's time (fewer than a stride).
                var passed = page.Count > 0 ? 0 : within - await sameTime.CountAsync(ct);
                var older = await publicAt(at).Where(a => a.PublishedAt < at).Skip(passed).Take(take - page.Count).ToCards().ToListAsync(ct);
                return [.. page, .. older];
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
        await foreach (var key in newestFirst.Select(a => new { At = a.PublishedAt!.Value, a.Id }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (++row > Stride && row % Stride == 1) keys.Add((key.At, key.Id));
        }
        var marks = new Marks(generation, [.. keys]);
        _byList[list] = marks;
        return marks;
    }

    /// <param name="Keys">Keys[k]: the time and id of the article at offset (k + 1) × <see cref="Stride"/>.</param>
    private sealed record Marks(long Generation, (DateTime PublishedAt, int Id)[] Keys);
}
