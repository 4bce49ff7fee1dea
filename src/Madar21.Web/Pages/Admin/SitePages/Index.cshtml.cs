using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.SitePages;

/// <summary>The site's own pages, in the footer's order.</summary>
public class IndexModel(MadarDb db) : PageModel
{
    public List<Row> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pages = await db.SitePages.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Title, p.Slug, p.UpdatedAt)).ToListAsync(ct);

    public sealed record Row(int Id, string Title, string Slug, DateTime UpdatedAt);
}
