using System.Globalization;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Media;

/// <summary>One derived file as a page needs it.</summary>
public sealed record VariantView(MediaVariantKind Kind, MediaFormat Format, int Width, int Height, string Name)
{
    public string Url => MediaSetup.PublicPath + Name;
}

/// <summary>
/// A picture as pages show it (<c>Pages/Shared/_Picture.cshtml</c>): the AVIF and WebP sets for
/// <c>&lt;picture&gt;</c>, the size for width/height, and the 1200×630 crop for link previews.
/// </summary>
public sealed record PictureView(int Id, string Alt, string? Caption, string? Credit, IReadOnlyList<VariantView> Variants)
{
    private IEnumerable<VariantView> Responsive(MediaFormat format) =>
        Variants.Where(v => v.Kind == MediaVariantKind.Responsive && v.Format == format).OrderBy(v => v.Width);

    public string SrcSet(MediaFormat format) =>
        string.Join(", ", Responsive(format).Select(v => $"{v.Url} {v.Width.ToString(CultureInfo.InvariantCulture)}w"));

    /// <summary>The &lt;img&gt; itself: the WebP nearest 960 px wide, for browsers that ignore srcset.</summary>
    public VariantView Fallback =>
        Responsive(MediaFormat.Webp).LastOrDefault(v => v.Width <= 960) ?? Responsive(MediaFormat.Webp).First();

    /// <summary>The largest, whose proportions width/height give the browser before it loads anything.</summary>
    public VariantView Largest => Responsive(MediaFormat.Webp).Last();

    public VariantView? Preview => Variants.FirstOrDefault(v => v.Kind == MediaVariantKind.Preview);

    /// <summary>The 16:9, 4:3 and 1:1 crops for search engines, in that order; none for a picture processed before they existed.</summary>
    public IReadOnlyList<VariantView> Crops =>
        [.. new[] { MediaVariantKind.Wide, MediaVariantKind.Standard, MediaVariantKind.Square }
            .Select(kind => Variants.FirstOrDefault(v => v.Kind == kind)).OfType<VariantView>()];

    /// <summary>The smallest WebP at least as wide as a card's picture at twice its CSS pixels.</summary>
    public VariantView Thumbnail(int cssWidth) =>
        Responsive(MediaFormat.Webp).FirstOrDefault(v => v.Width >= cssWidth * 2) ?? Largest;

    /// <summary>The pictures with these ids, in one query; a missing id (deleted picture) is simply absent.</summary>
    public static async Task<Dictionary<int, PictureView>> LoadAsync(MadarDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Media.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id, m.Alt, m.Caption, m.Credit,
                Variants = m.Variants.Select(v => new VariantView(v.Kind, v.Format, v.Width, v.Height, v.Name)).ToList(),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.Variants.Any(v => v.Kind == MediaVariantKind.Responsive && v.Format == MediaFormat.Webp))
            .ToDictionary(r => r.Id, r => new PictureView(r.Id, r.Alt, r.Caption, r.Credit, r.Variants));
    }

    public static async Task<PictureView?> LoadAsync(MadarDb db, int? id, CancellationToken ct) =>
        id is { } some && (await LoadAsync(db, [some], ct)).TryGetValue(some, out var picture) ? picture : null;
}

/// <summary>What <see cref="PictureHtml"/> is given: the picture, how wide it shows (sizes), and whether it is the page's lead.</summary>
/// <param name="Caption">This use's caption (an article's own), instead of the library's.</param>
/// <param name="WithCaption">False on cards: the caption and credit belong to the article page.</param>
/// <param name="Alt">This use's alt text (written in the article's Markdown), instead of the library's.</param>
public sealed record PictureMarkup(PictureView Picture, string Sizes, bool Lead, string? Caption = null, bool WithCaption = true, string? Alt = null);
