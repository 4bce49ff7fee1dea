using Madar21.Web.Articles;
using Madar21.Web.Data;

namespace Madar21.Web.Media;

/// <summary>The lead pictures of a list of cards, in one query for the whole list.</summary>
public static class CardPictures
{
    public static async Task<List<ArticleCard>> AttachAsync(MadarDb db, List<ArticleCard> cards, CancellationToken ct)
    {
        var ids = cards.Where(c => c.LeadMediaId is not null).Select(c => c.LeadMediaId!.Value).Distinct().ToList();
        if (ids.Count == 0) return cards;
        var pictures = await PictureView.LoadAsync(db, ids, ct);
        return [.. cards.Select(c => c.LeadMediaId is { } id && pictures.TryGetValue(id, out var picture) ? c with { Picture = picture } : c)];
    }
}
