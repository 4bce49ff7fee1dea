using System.Collections.Concurrent;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>
/// Keeps page 2,000 of a section as cheap as page 1. SQLite cannot jump to the 40,000th entry of an index, so a
/// plain OFFSET walks them all; instead this remembers the (PublishedAt, Id) of every <see cref="Stride"/>-th
/// article of a section, seeks there, and walks less than one stride. The marks are found in one walk and kept
/// until the next change to the data (any page-cache eviction).
/// </summary>
public sealed class DeepPages(PageCache cache)
{
    public const int Stride = 1000;

    private readonly ConcurrentDictionary<int, Marks> _bySection = new();

    /// <summary>The section's public articles, newest first, from <paramref name="skip"/> on.</summary>
    public async Task<List<ArticleCard>> SectionPageAsync(MadarDb db, int sectionId, DateTime now, int skip, int take, CancellationToken ct)
    {
        var list = db.Articles.AsNoTracking().Where(a => a.SectionId == sectionId).PublicAt(now);
        if (skip >= Stride)
        {
            var marks = await MarksAsync(list, sectionId, ct);
            var mark = Math.Min(skip / Stride, marks.Keys.Length);
            if (mark > 0)
            {
                // Rows from offset mark * Stride on: keys up to and including that row's, in descending order.
                var (at, id) = marks.Keys[mark - 1];
                list = list.Where(a => a.PublishedAt <= at && (a.PublishedAt < at || a.Id <= id));
                skip -= mark * Stride;
            }
        }
        return await list.NewestFirst().Skip(skip).Take(take).ToCards().ToListAsync(ct);
    }

    private async Task<Marks> MarksAsync(IQueryable<Article> list, int sectionId, CancellationToken ct)
    {
        var generation = cache.Generation;
        if (_bySection.TryGetValue(sectionId, out var known) && known.Generation == generation)
            return known;

        var keys = new List<(DateTime, int)>();
        var row = 0;
        await foreach (var key in list.NewestFirst().Select(a => new { PublishedAt = a.PublishedAt!.Value, a.Id }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (++row > Stride && row % Stride == 1) keys.Add((key.PublishedAt, key.Id));
        }
        var marks = new Marks(generation, [.. keys]);
        _bySection[sectionId] = marks;
        return marks;
    }

    /// <param name="Keys">Keys[k] is the key of the article at offset (k + 1) × <see cref="Stride"/>.</param>
    private sealed record Marks(long Generation, (DateTime PublishedAt, int Id)[] Keys);
}
