using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.FrontPage;

/// <summary>The home page: the lead, the featured stories, «آخر الأخبار», then a block for each section.</summary>
public sealed record FrontPageView(ArticleCard? Lead, List<ArticleCard> Featured, List<ArticleCard> Latest, List<SectionBlock> Sections)
{
    public bool IsEmpty => Lead is null;
}

public sealed record SectionBlock(string Name, List<ArticleCard> Articles);

/// <summary>
/// Reads the home page in a fixed number of commands, whatever the number of articles or sections: the pins in
/// force, their articles, the newest articles, the newest of every section (one UNION ALL of index seeks), and
/// the pictures of all the cards. An article shows once: the lead and the featured stories are left out of the
/// lists below them.
/// </summary>
public sealed class FrontPageLoader(MadarDb db, PageCache cache, IOptions<FrontPageOptions> options)
{
    public async Task<FrontPageView> LoadAsync(DateTime now, CancellationToken ct)
    {
        var o = options.Value;
        var pins = await db.FrontPins.AsNoTracking()
            .Where(p => p.Position <= o.Featured && (p.ExpiresAt == null || p.ExpiresAt > now))
            .OrderBy(p => p.Position)
            .Select(p => new { p.Position, p.ArticleId })
            .ToListAsync(ct);

        var pinnedIds = pins.Select(p => p.ArticleId).ToList();
        // Pinned articles that are no longer public simply do not come back: their place falls to the newest.
        var pinned = pinnedIds.Count == 0 ? [] : await db.Articles.AsNoTracking().PublicAt(now)
            .Where(a => pinnedIds.Contains(a.Id)).ToCards().ToListAsync(ct);
        var byId = pinned.ToDictionary(c => c.Id);

        var newest = await db.Articles.AsNoTracking().PublicAt(now).NewestFirst()
            .Take(1 + o.Featured + o.Latest + pins.Count).ToCards().ToListAsync(ct);
        var fallback = new Queue<ArticleCard>(newest.Where(c => !byId.ContainsKey(c.Id)));

        var lead = pins.FirstOrDefault(p => p.Position == FrontPin.LeadPosition) is { } leadPin && byId.TryGetValue(leadPin.ArticleId, out var chosen)
            ? chosen
            : fallback.TryDequeue(out var first) ? first : null;
        var featured = pins.Where(p => p.Position != FrontPin.LeadPosition && byId.ContainsKey(p.ArticleId) && p.ArticleId != lead?.Id)
            .Select(p => byId[p.ArticleId]).DistinctBy(c => c.Id).ToList();
        while (featured.Count < o.Featured && fallback.TryDequeue(out var next)) featured.Add(next);

        var shown = featured.Select(c => c.Id).Append(lead?.Id ?? 0).ToHashSet();
        var latest = newest.Where(c => !shown.Contains(c.Id)).Take(o.Latest).ToList();
        var blocks = await SectionBlocksAsync(now, shown, o.BlockSize, ct);

        var all = await CardPictures.AttachAsync(db,
            [.. (lead is null ? featured : featured.Prepend(lead)), .. latest, .. blocks.SelectMany(b => b.Articles)], ct);
        var withPictures = all.DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        ArticleCard Pictured(ArticleCard c) => withPictures[c.Id];
        return new FrontPageView(
            lead is null ? null : Pictured(lead),
            featured.Select(Pictured).ToList(),
            latest.Select(Pictured).ToList(),
            blocks.Select(b => b with { Articles = b.Articles.Select(Pictured).ToList() }).ToList());
    }

    /// <summary>
    /// The newest articles of each section, in the sections bar's order, in one command: a UNION ALL of one index
    /// seek per section (Articles(SectionId, PublishedAt, Id, Status)), each stopping after its few rows.
    /// </summary>
    private async Task<List<SectionBlock>> SectionBlocksAsync(DateTime now, HashSet<int> shown, int size, CancellationToken ct)
    {
        var sections = await cache.KeepSiteWideAsync("front-sections", () => db.Sections.AsNoTracking()
            .InNavigationOrder().Select(s => new SectionRef(s.Id, s.Name)).ToListAsync());
        if (sections.Count == 0) return [];

        // Each block reads as many more as the lead and featured stories it may have to leave out.
        var take = size + shown.Count;
        IQueryable<int>? union = null;
        foreach (var section in sections)
        {
            var id = section.Id;
            var one = db.Articles.AsNoTracking().Where(a => a.SectionId == id).PublicAt(now).NewestFirst().Take(take).Select(a => a.Id);
            union = union is null ? one : union.Concat(one);
        }
        // The union picks the ids; the cards (with their bylines, a collection a set operation cannot carry) are read
        // by those ids in the same command.
        var cards = (await db.Articles.AsNoTracking().Where(a => union!.Contains(a.Id)).ToCards().ToListAsync(ct))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).ToList(); // a UNION ALL keeps no order
        return sections
            .Select(s => new SectionBlock(s.Name, cards.Where(c => c.Section == s.Name && !shown.Contains(c.Id)).Take(size).ToList()))
            .Where(b => b.Articles.Count > 0)
            .ToList();
    }

    private sealed record SectionRef(int Id, string Name);
}
