using Madar21.Web.Data;
using Madar21.Web.Site;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Authors;

/// <summary>
/// The public names and slugs of every staff profile, kept in memory until the next site-wide change (a profile
/// saved or made evicts <see cref="CacheTags.Site"/>), like the sections bar. Lists read only their articles' profile
/// ids, through the byline table's primary key; joining the names in SQL made SQLite materialise the whole table.
/// </summary>
public sealed class StaffDirectory(MadarDb db, PageCache cache, IOptions<SiteOptions> site)
{
    public async Task<Bylines> LoadAsync()
    {
        var names = await cache.KeepSiteWideAsync("staff-directory", async () => (IReadOnlyDictionary<int, (string Name, string Slug)>)
            await db.StaffProfiles.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.DisplayName, p.Slug)));
        return new Bylines(names, site.Value.DeskName);
    }
}

/// <summary>Turns an article's author ids into its byline.</summary>
public sealed class Bylines(IReadOnlyDictionary<int, (string Name, string Slug)> names, string deskName)
{
    public string DeskName => deskName;

    /// <summary>The authors in order, or the desk for an article that has none.</summary>
    public IReadOnlyList<Credit> Credits(IReadOnlyList<int> profileIds)
    {
        var credits = profileIds.Where(names.ContainsKey).Select(id => new Credit(names[id].Name, Byline.PagePath(names[id].Slug), IsDesk: false)).ToList();
        return credits.Count > 0 ? credits : [new Credit(deskName, Byline.DeskPath, IsDesk: true)];
    }
}
