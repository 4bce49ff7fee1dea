using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

/// <summary>A picture the article form offers as the lead: its id, alt text and smallest WebP.</summary>
public sealed record LeadChoice(int Id, string Alt, string? Credit, string Thumbnail)
{
    public const int Offered = 24;

    public static async Task<List<LeadChoice>> LoadAsync(MadarDb db, int? chosen, CancellationToken ct) =>
        await db.Media.AsNoTracking()
            .Where(m => m.Id == chosen || db.Media.OrderByDescending(n => n.UploadedAt).ThenByDescending(n => n.Id).Take(Offered).Select(n => n.Id).Contains(m.Id))
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Select(m => new LeadChoice(m.Id, m.Alt, m.Credit,
                MediaSetup.PublicPath + m.Variants.Where(v => v.Kind == MediaVariantKind.Responsive && v.Format == MediaFormat.Webp)
                    .OrderBy(v => v.Width).Select(v => v.Name).First()))
            .ToListAsync(ct);
}
