using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.SitePages;

/// <summary>
/// The footer's links to the site's own pages, on every page: kept in memory until the next site-wide change (saving
/// a page is one), not read once per page.
/// </summary>
public sealed class SitePageLinks(MadarDb db, PageCache cache)
{
    public Task<List<SitePageLink>> ListAsync() =>
        cache.KeepSiteWideAsync("site-pages", () => db.SitePages.AsNoTracking()
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new SitePageLink(p.Title, UrlOf(p.Slug)))
            .ToListAsync());

    public static string UrlOf(string slug) => $"/page/{Uri.EscapeDataString(slug)}";
}

public sealed record SitePageLink(string Title, string Url);
