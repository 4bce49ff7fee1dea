using System.Collections.Concurrent;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Readers;

/// <summary>
/// Counts article reads in memory (a few nanoseconds a read, cache hits included) and writes them to the database
/// in batches (<see cref="FlushAsync"/>). A count lost in a crash between two flushes is an accepted loss.
/// </summary>
public sealed class ViewCounter(TimeProvider clock)
{
    private ConcurrentDictionary<int, int> _pending = new();

    public void Count(int articleId) => _pending.AddOrUpdate(articleId, 1, static (_, n) => n + 1);

    /// <summary>Adds the reads counted since the last flush to this hour's rows; returns how many reads were written.</summary>
    public async Task<int> FlushAsync(MadarDb db, CancellationToken ct)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<int, int>());
        if (batch.IsEmpty) return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var ids = batch.Keys.ToList();
        // Articles deleted since they were read have nothing to count against.
        var existing = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var rows = await db.ArticleViews.Where(v => v.Hour == hour && ids.Contains(v.ArticleId)).ToDictionaryAsync(v => v.ArticleId, ct);
        var written = 0;
        foreach (var id in existing)
        {
            var views = batch[id];
            if (rows.TryGetValue(id, out var row)) row.Views += views;
            else db.ArticleViews.Add(new ArticleViews { ArticleId = id, Hour = hour, Views = views });
            written += views;
        }
        await db.SaveChangesAsync(ct);
        return written;
    }
}
