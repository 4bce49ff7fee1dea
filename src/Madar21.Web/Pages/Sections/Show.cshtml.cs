using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Sections;

[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class ShowModel(MadarDb db, TimeProvider clock, DeepPages deepPages) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Beyond any real section (a million articles); keeps the offset arithmetic far from overflow.</summary>
    private const int MaxPage = 50_000;

    public string Name { get; private set; } = "";
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }
    public List<ArticleCard> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Name == name).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (section is null)
        {
            // A renamed section keeps its old address working.
            var renamedTo = await db.SectionAliases.AsNoTracking().Where(a => a.Name == name).Select(a => a.Section!.Name).FirstOrDefaultAsync(ct);
            return renamedTo is null ? NotFound() : RedirectPermanent(ArticleQueries.SectionUrl(renamedTo) + Request.QueryString);
        }

        PageNumber = page ?? 1;
        if (PageNumber < 1) return NotFound();

        if (PageNumber > MaxPage) return NotFound();
        var rows = await deepPages.SectionPageAsync(db, section.Id, clock.GetUtcNow().UtcDateTime, (PageNumber - 1) * PageSize, PageSize + 1, ct);
        if (rows.Count == 0 && PageNumber > 1) return NotFound();

        Name = section.Name;
        HasNext = rows.Count > PageSize;
        Articles = await CardPictures.AttachAsync(db, rows.Take(PageSize).ToList(), ct);
        return Page();
    }

    public string PageUrl(int number) => ArticleQueries.SectionUrl(Name) + (number > 1 ? $"?page={number}" : "");
}
