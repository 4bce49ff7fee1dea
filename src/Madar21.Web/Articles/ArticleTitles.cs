using Madar21.Web.Data;
using Madar21.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>
/// The folded title (<see cref="Models.Article.TitleFolded"/>) that the admin's title search matches: the same folding
/// as the reader's search (<see cref="ArabicNormalizer"/>), so «أ/ا», «ة/ه», «ى/ي» and tashkeel never stop a match.
/// </summary>
public static class ArticleTitles
{
    private const int FillBatch = 500;

    /// <summary>The folded form of a title, or of a query typed to find one; runs of spaces become one.</summary>
    public static string Fold(string text) =>
        string.Join(' ', ArabicNormalizer.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Folds the titles written before the column existed. Run at start-up after the migrations (under their lock);
    /// once every title is folded it costs one indexed query.
    /// </summary>
    public static async Task FoldMissingAsync(DbContext context, CancellationToken ct)
    {
        if (context is not MadarDb db) return;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking().Where(a => a.TitleFolded == null)
                .OrderBy(a => a.Id).Take(FillBatch).Select(a => new { a.Id, a.Title }).ToListAsync(ct);
            if (batch.Count == 0) return;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var a in batch)
            {
                var folded = Fold(a.Title);
                // A column nothing else reads: no version to raise, no page to evict, no index entry to change.
                await db.Articles.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TitleFolded, folded), ct);
            }
            await transaction.CommitAsync(ct);
        }
    }
}
