using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site;

/// <summary>
/// The sections bar under the masthead, in the order editors set. It is on every page, so the names are kept in
/// memory until the next change to the data rather than read once per page.
/// </summary>
public sealed class SectionNavViewComponent(MadarDb db, PageCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await cache.KeepAsync("section-nav", () => db.Sections.AsNoTracking()
            .InNavigationOrder()
            .Select(s => s.Name)
            .ToListAsync()));
}
