using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Media;

/// <summary>An article that shows a library picture: as its lead, or in its body.</summary>
public sealed record MediaUse(int MediaId, int ArticleId, string Title, bool Lead);

/// <summary>Where pictures are used, for the library and the deletion's confirmation.</summary>
public static class MediaUses
{
    /// <summary>The uses of these pictures in the articles the reader of the page may open, in one query (both index seeks).</summary>
    public static async Task<ILookup<int, MediaUse>> LoadAsync(
        MadarDb db, IQueryable<Models.Article> open, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return Array.Empty<MediaUse>().ToLookup(u => u.MediaId);
        var leads = open.AsNoTracking()
            .Where(a => a.LeadMediaId != null && ids.Contains(a.LeadMediaId.Value))
            .Select(a => new { MediaId = a.LeadMediaId!.Value, ArticleId = a.Id, a.Title, Lead = true });
        var bodies = db.BodyPictures.AsNoTracking()
            .Where(b => ids.Contains(b.MediaItemId))
            .Join(open, b => b.ArticleId, a => a.Id, (b, a) => new { MediaId = b.MediaItemId, ArticleId = a.Id, a.Title, Lead = false });
        var rows = await leads.Concat(bodies).ToListAsync(ct);
        return rows.OrderBy(r => r.ArticleId).Select(r => new MediaUse(r.MediaId, r.ArticleId, r.Title, r.Lead)).ToLookup(u => u.MediaId);
    }
}
