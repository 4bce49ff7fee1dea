using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Newsroom;
using Madar21.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Media;

/// <summary>/admin/media: the library, newest first, searchable by alt text, caption and credit, with where each is used.</summary>
public class IndexModel(MadarDb db) : PageModel
{
    public const int PageSize = 40;
    private const int MaxPage = 100_000;

    public string? Query { get; private set; }
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }
    public List<Row> Pictures { get; private set; } = [];
    public ILookup<int, MediaUse> Uses { get; private set; } = Array.Empty<MediaUse>().ToLookup(u => u.MediaId);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page ?? 1;
        if (PageNumber is < 1 or > MaxPage) return NotFound();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();

        var media = db.Media.AsNoTracking();
        // A scan of the short normalised texts, newest first until a page is full: the library is staff-only and
        // small beside the articles; the list without a query walks the (UploadedAt, Id) index.
        if (Query is not null && ArabicNormalizer.Normalize(Query) is { Length: > 0 } needle)
            media = media.Where(m => m.SearchText.Contains(needle));
        var rows = await media
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(m => new Row(m.Id, m.Alt, m.Caption, m.Credit, m.Width, m.Height, m.UploadedAt,
                m.Variants.Where(v => v.Kind == Models.MediaVariantKind.Responsive && v.Format == Models.MediaFormat.Webp)
                    .OrderBy(v => v.Width).Select(v => v.Name).FirstOrDefault()))
            .ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Pictures = rows.Take(PageSize).ToList();
        // A writer sees where their own pieces use a picture, never the titles of others' drafts.
        Uses = await MediaUses.LoadAsync(db, db.Articles.OpenTo(User), [.. Pictures.Select(p => p.Id)], ct);
        return Page();
    }

    public string PageUrl(int number) =>
        Url.Page("/Admin/Media/Index") + QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["page"] = number > 1 ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null));

    public sealed record Row(int Id, string Alt, string? Caption, string? Credit, int Width, int Height, DateTime UploadedAt, string? Thumbnail)
    {
        public string? ThumbnailUrl => Thumbnail is null ? null : MediaSetup.PublicPath + Thumbnail;
    }
}
