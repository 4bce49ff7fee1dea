using System.Diagnostics;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Search;

/// <summary>An engine's prepared index commands on the current transaction, reused for every article of a save.</summary>
internal interface IIndexWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<ArticleIndexChange> changes, CancellationToken ct);
}

/// <summary>
/// A rebuild of the search index, the same on both engines around what each one writes: one transaction; every
/// article that goes out, read in batches by id so that a large archive is never held in memory at once; the index
/// marked current; then the cached lists evicted, since the index is written with SQL of its own, not SaveChanges.
/// </summary>
internal static class IndexRebuild
{
    private const int Batch = 500;

    /// <param name="empty">Takes every entry out, in the rebuild's transaction.</param>
    /// <param name="writer">The engine's writer, made inside that transaction.</param>
    public static async Task<int> RunAsync(
        MadarDb db, PageCache? pages, ILogger log, Func<Task> empty, Func<IIndexWriter> writer, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await empty();
        var indexed = 0;
        await using (var write = writer())
        {
            var lastId = 0;
            while (true)
            {
                var batch = await db.Articles.AsNoTracking().GoingOut()
                    .Where(a => a.Id > lastId)
                    .OrderBy(a => a.Id)
                    .Take(Batch)
                    .Select(a => new { a.Id, a.Title, a.Summary, a.BodyText })
                    .ToListAsync(ct);
                if (batch.Count == 0) break;
                // The index is empty now: every entry written is a new one.
                await write.WriteAsync(
                    batch.Select(a => new ArticleIndexChange(a.Id, SearchDocument.From(a.Title, a.Summary, a.BodyText)) { IsNew = true }).ToList(), ct);
                indexed += batch.Count;
                lastId = batch[^1].Id;
            }
        }
        await SearchDocument.MarkIndexCurrentAsync(db, ct);
        await transaction.CommitAsync(ct);
        if (pages is not null) await pages.EvictAsync([CacheTags.Lists], ct);
        log.LogInformation("Search index rebuilt: {Indexed} articles in {ElapsedMs} ms", indexed, stopwatch.ElapsedMilliseconds);
        return indexed;
    }
}
