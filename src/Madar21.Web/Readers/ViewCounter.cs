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
    /// <remarks>
    /// Every node counts its own reads and adds them to the same rows, so a row is incremented in SQL, never read
    /// and written back (two nodes doing that at once would lose one node's reads).
    /// </remarks>
    public async Task<int> FlushAsync(MadarDb db, CancellationToken ct)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<int, int>());
        if (batch.IsEmpty) return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var ids = batch.Keys.ToList();
        // Articles deleted since they were read have nothing to count against.
        var existing = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var written = 0;
        foreach (var id in existing)
        {
            var views = batch[id];
            if (await AddAsync(db, id, hour, views, ct) || await InsertAsync(db, id, hour, views, ct) || await AddAsync(db, id, hour, views, ct))
                written += views;
        }
        return written;
    }

    private static async Task<bool> AddAsync(MadarDb db, int articleId, DateTime hour, int views, CancellationToken ct) =>
        await db.ArticleViews.Where(v => v.ArticleId == articleId && v.Hour == hour)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Views, v => v.Views + views), ct) > 0;

    // False when another node inserted the row first (or the article went meanwhile): then it is added to.
    private static async Task<bool> InsertAsync(MadarDb db, int articleId, DateTime hour, int views, CancellationToken ct)
    {
        db.ArticleViews.Add(new ArticleViews { ArticleId = articleId, Hour = hour, Views = views });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
