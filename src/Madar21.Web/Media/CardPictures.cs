using Madar21.Web.Articles;
using Madar21.Web.Data;

namespace Madar21.Web.Media;

/// <summary>The lead pictures of a list of cards, in one query for the whole list.</summary>
public static class CardPictures
{
    public static async Task<List<ArticleCard>> AttachAsync(MadarDb db, List<ArticleCard> cards, CancellationToken ct)
    {
        var ids = IdsOf(cards).Distinct().ToList();
        if (ids.Count == 0) return cards;
        return With(cards, await PictureView.LoadAsync(db, ids, ct));
    }

    /// <summary>The cards with their pictures from a set loaded already (with a page's own picture, in the same query).</summary>
    public static List<ArticleCard> With(IEnumerable<ArticleCard> cards, IReadOnlyDictionary<int, PictureView> pictures) =>
        [.. cards.Select(c => c.LeadMediaId is { } id && pictures.TryGetValue(id, out var picture) ? c with { Picture = picture } : c)];

    /// <summary>The lead pictures' ids of the cards.</summary>
    public static IEnumerable<int> IdsOf(IEnumerable<ArticleCard> cards) => cards.Select(c => c.LeadMediaId).OfType<int>();
}
