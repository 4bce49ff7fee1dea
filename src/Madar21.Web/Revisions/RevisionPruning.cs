using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Revisions;

/// <summary>
/// Which revisions history keeps. Of each article: every revision of the last <see cref="KeepAllFor"/> (30 days);
/// before that, the latest revision of each day (Casablanca's calendar day); and, whatever their age, the newest
/// revision (the article as it stands) and the newest that was published or scheduled (what readers see, or saw
/// last). Everything else goes.
/// </summary>
public static class RevisionPruning
{
    public static readonly TimeSpan KeepAllFor = TimeSpan.FromDays(30);

    /// <summary>Articles looked at per round trip.</summary>
    public const int ArticlesPerBatch = 200;

    public sealed record Stamp(long Id, int ArticleId, DateTime CreatedAt, ArticleStatus Status);

    /// <summary>The revisions of ONE article that the policy lets go.</summary>
    public static IEnumerable<long> Doomed(IReadOnlyCollection<Stamp> revisions, DateTime now)
    {
        if (revisions.Count == 0) return [];
        var keep = new HashSet<long> { revisions.Max(r => r.Id) };
        if (revisions.Where(r => r.Status is ArticleStatus.Published or ArticleStatus.Scheduled).MaxBy(r => r.Id) is { } published) keep.Add(published.Id);
        var cutoff = now - KeepAllFor;
        var older = revisions.Where(r => r.CreatedAt < cutoff).ToList();
        foreach (var day in older.GroupBy(r => DateOnly.FromDateTime(MoroccanDate.ToLocal(r.CreatedAt))))
            keep.Add(day.MaxBy(r => r.Id)!.Id);
        return older.Where(r => !keep.Contains(r.Id)).Select(r => r.Id);
    }

    /// <summary>Applies the policy to every article with revisions older than the window; returns how many went.</summary>
    public static async Task<int> PruneAsync(MadarDb db, DateTime now, CancellationToken ct)
    {
        var cutoff = now - KeepAllFor;
        var deleted = 0;
        var after = 0;
        while (true)
        {
            var articles = await db.ArticleRevisions
                .Where(r => r.CreatedAt < cutoff && r.ArticleId > after)
                .Select(r => r.ArticleId).Distinct().OrderBy(id => id).Take(ArticlesPerBatch)
                .ToListAsync(ct);
            if (articles.Count == 0) return deleted;
            after = articles[^1];
            var stamps = await db.ArticleRevisions.AsNoTracking()
                .Where(r => articles.Contains(r.ArticleId))
                .Select(r => new Stamp(r.Id, r.ArticleId, r.CreatedAt, r.Status))
                .ToListAsync(ct);
            var doomed = stamps.GroupBy(s => s.ArticleId).SelectMany(g => Doomed(g.ToList(), now)).ToList();
            foreach (var chunk in doomed.Chunk(1000))
                deleted += await db.ArticleRevisions.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
