using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Tags;

/// <summary>/admin/tags: every tag in alphabetical order, 50 a page, with how many articles carry it.</summary>
public class IndexModel(MadarDb db) : PageModel
{
    public const int PageSize = 50;
    private const int MaxPage = 100_000;

    public sealed record Row(int Id, string Name, string Slug, int Articles);

    public List<Row> Tags { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page ?? 1;
        if (PageNumber is < 1 or > MaxPage) return NotFound();
        // The count is a correlated sub-query, one index range per row of the page, in the same command.
        var rows = await db.Tags.AsNoTracking()
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(t => new Row(t.Id, t.Name, t.Slug, db.ArticleTags.Count(a => a.TagId == t.Id)))
            .ToListAsync(ct);
        if (rows.Count == 0 && PageNumber > 1) return NotFound();
        HasNext = rows.Count > PageSize;
        Tags = rows.Take(PageSize).ToList();
        return Page();
    }
}
