using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Tags;

/// <summary>
/// Renames and merges tags. A slug a tag stops answering to is kept as a <see cref="TagAlias"/>, so that its old
/// /tag/… address and feed answer 301 to the new ones. Tracked entities and SaveChanges, so that the page cache sees them.
/// </summary>
public sealed class TagEditor(MadarDb db, AuditTrail audit, ILogger<TagEditor> log)
{
    public async Task<ChangeOutcome> RenameAsync(int id, string? name, string staffId, CancellationToken ct = default)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null) return ChangeOutcome.NotFound;
        var (names, errors) = TagNames.Parse(name?.Replace(',', ' ').Replace('،', ' '));
        if (errors.Count > 0) return ChangeOutcome.Refused(errors[0]);
        if (names.Count == 0) return ChangeOutcome.Refused("اكتب اسم الوسم.");
        var clean = names[0];
        if (clean == tag.Name) return ChangeOutcome.Done;

        var key = TagNames.KeyOf(clean);
        if (key != tag.Key && await db.Tags.AsNoTracking().Where(t => t.Key == key).Select(t => t.Name).FirstOrDefaultAsync(ct) is { } other)
            return ChangeOutcome.Refused($"يوجد وسم آخر بهذا الاسم: «{other}». لجمع مقالاتهما في وسم واحد استعمل «دمج».");

        var slug = await Tagging.FreeSlugAsync(db, clean, ct, except: id);
        if (slug != tag.Slug)
        {
            // Renamed back to a former name: that slug answers directly again.
            await db.TagAliases.Where(a => a.Slug == slug).ForEachAsync(a => db.TagAliases.Remove(a), ct);
            db.TagAliases.Add(new TagAlias { Slug = tag.Slug, TagId = id });
            tag.Slug = slug;
        }
        (tag.Name, tag.Key) = (clean, key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.TagRenamed, $"tag {id}", ct: ct);
        log.LogInformation("Staff {UserId} renamed tag {TagId}", staffId, id);
        return ChangeOutcome.Done;
    }

    /// <summary>
    /// Moves every article of tag <paramref name="id"/> to the tag named <paramref name="intoName"/> and deletes the
    /// first; its address answers 301 to the other's. The related lists of the moved articles are computed again in
    /// the background.
    /// </summary>
    public async Task<ChangeOutcome> MergeAsync(int id, string? intoName, string staffId, CancellationToken ct = default)
    {
        var from = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (from is null) return ChangeOutcome.NotFound;
        var key = TagNames.KeyOf(intoName ?? "");
        if (key.Length == 0) return ChangeOutcome.Refused("اكتب اسم الوسم الذي تُنقل إليه المقالات.");
        var into = await db.Tags.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (into is null) return ChangeOutcome.Refused($"لا يوجد وسم باسم «{intoName!.Trim()}».");
        if (into.Id == from.Id) return ChangeOutcome.Refused("اختر وسمًا غير هذا الوسم نفسه.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moving = await db.ArticleTags.Where(t => t.TagId == from.Id).ToListAsync(ct);
        var ids = moving.Select(t => t.ArticleId).ToList();
        var already = (await db.ArticleTags.Where(t => t.TagId == into.Id && ids.Contains(t.ArticleId)).Select(t => t.ArticleId).ToListAsync(ct)).ToHashSet();
        foreach (var link in moving)
        {
            db.ArticleTags.Remove(link);
            if (!already.Contains(link.ArticleId))
                db.ArticleTags.Add(new ArticleTag { ArticleId = link.ArticleId, TagId = into.Id, ListedAt = link.ListedAt });
        }
        await db.TagAliases.Where(a => a.TagId == from.Id).ForEachAsync(a => a.TagId = into.Id, ct);
        db.TagAliases.Add(new TagAlias { Slug = from.Slug, TagId = into.Id });
        await db.SaveChangesAsync(ct);
        db.Tags.Remove(from);
        await db.SaveChangesAsync(ct);
        // Shared tags weigh in the related lists; the worker computes them and evicts the pages showing them.
        RelatedLists.Enqueue(db, ids);
        await transaction.CommitAsync(ct);

        await audit.RecordAsync(AuditAction.TagMerged, $"tag {id} into tag {into.Id}", ct: ct);
        log.LogInformation("Staff {UserId} merged tag {TagId} into tag {IntoId}, {Articles} articles", staffId, id, into.Id, ids.Count);
        return ChangeOutcome.Done;
    }
}
