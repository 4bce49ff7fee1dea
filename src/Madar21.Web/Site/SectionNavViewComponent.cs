using Madar21.Web.Articles;
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
    /// <summary>ViewData key: the section the page belongs to (its own page, or an article of it).</summary>
    public const string CurrentSection = "NavSection";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var names = await SectionNames(db, cache);
        var current = ViewData[CurrentSection] as string;
        // "page" on the section's own page (and on the home page for «الرئيسية»); "true" on an article of the section.
        var onSectionPage = RouteData.Values["page"] as string == "/Sections/Show";
        var home = HttpContext.Request.Path == "/";
        return View(new SectionNav(names, home, current, onSectionPage ? "page" : "true"));
    }

    public static Task<List<string>> SectionNames(MadarDb db, PageCache cache) =>
        cache.KeepSiteWideAsync("section-nav", () => db.Sections.AsNoTracking()
            .InNavigationOrder()
            .Select(s => s.Name)
            .ToListAsync());
}

/// <param name="Current">The section to mark, if any.</param>
/// <param name="CurrentKind">The <c>aria-current</c> value for it.</param>
public sealed record SectionNav(List<string> Names, bool Home, string? Current, string CurrentKind);
