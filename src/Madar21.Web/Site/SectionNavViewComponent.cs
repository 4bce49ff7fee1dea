using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site;

/// <summary>
/// The sections bar under the masthead, in the order editors set. It is on every page, so the names are kept in
/// memory until the next site-wide change rather than read once per page.
/// </summary>
public sealed class SectionNavViewComponent(MadarDb db, PageCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await cache.KeepSiteWideAsync("section-nav", () => db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => s.Name)
            .ToListAsync()));
}
