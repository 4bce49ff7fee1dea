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
public class ShowModel(MadarDb db, TimeProvider clock, DeepPages deepPages) : ArticleListModel
{
    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Name == name).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (section is null)
        {
            // A renamed section keeps its old address working.
            var renamedTo = await db.SectionAliases.AsNoTracking().Where(a => a.Name == name).Select(a => a.Section!.Name).FirstOrDefaultAsync(ct);
            return renamedTo is null ? NotFound() : RedirectPermanent(ArticleQueries.SectionUrl(renamedTo) + Request.QueryString);
        }

        if (ArticleListPage.Asked(page) is not { } listPage) return NotFound();
        var read = await deepPages.SectionPageAsync(db, section.Id, clock.GetUtcNow().UtcDateTime, listPage.Skip, listPage.Take, ct);
        if (listPage.Cut(read) is not { } rows) return NotFound();

        Name = section.Name;
        await ShowAsync(db, listPage, rows, ct);
        return Page();
    }

    public override string PagerLabel => "صفحات القسم";

    public override string PageUrl(int number) => ArticleQueries.SectionUrl(Name) + (number > 1 ? $"?page={number}" : "");
}
