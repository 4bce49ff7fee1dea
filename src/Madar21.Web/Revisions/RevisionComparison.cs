using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Revisions;

/// <summary>One line of the history: who saved, when, and what kind of save it was.</summary>
/// <param name="StaffName">The public display name of who saved (their staff profile), when they have one.</param>
public sealed record RevisionEntry(long Id, RevisionKind Kind, long? RestoredFromId, string? StaffUserId, DateTime CreatedAt, ArticleStatus Status, string? StaffName = null)
{
    /// <summary>The history's Arabic name for the kind of change.</summary>
    public string KindName => Kind switch
    {
        RevisionKind.Created => "إنشاء",
        RevisionKind.Edited => "تعديل",
        RevisionKind.Restored => RestoredFromId is { } from ? $"استعادة النسخة {from}" : "استعادة",
        RevisionKind.Original => "النسخة الأصلية قبل السجل",
        RevisionKind.Hidden => "إخفاء (حذف مقال مستورد)",
        RevisionKind.Reviewed => Status == ArticleStatus.Published ? "نشر من قائمة المراجعة" : "إعادة إلى الكاتب",
        _ => "تعديل",
    };

    public string StatusName => Status switch
    {
        ArticleStatus.Published => "منشور",
        ArticleStatus.Scheduled => "مجدول",
        ArticleStatus.PendingReview => "بانتظار المراجعة",
        _ => "مسودة",
    };
}

/// <summary>A change of a field that is not text (section, status, picture, tags), from → to.</summary>
public sealed record FieldChange(string Field, string From, string To);

/// <summary>
/// Two revisions of one article side by side: title, summary and body each compared word by word, and the other
/// fields named when they changed.
/// </summary>
public sealed record RevisionComparison(
    RevisionEntry From, RevisionEntry To,
    IReadOnlyList<DiffSegment> Title, IReadOnlyList<DiffSegment> Summary, IReadOnlyList<DiffSegment> Body,
    IReadOnlyList<FieldChange> Other)
{
    public bool Identical => Other.Count == 0 && new[] { Title, Summary, Body }.All(s => s.All(x => x.Change == DiffChange.Same));

    /// <summary>Compares two revisions of the article; null when either is not one of its revisions. One query for both, one for the names.</summary>
    public static async Task<RevisionComparison?> LoadAsync(MadarDb db, int articleId, long fromId, long toId, CancellationToken ct)
    {
        var pair = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && (r.Id == fromId || r.Id == toId))
            .ToListAsync(ct);
        var from = pair.FirstOrDefault(r => r.Id == fromId);
        var to = pair.FirstOrDefault(r => r.Id == toId);
        return from is null || to is null ? null : await CompareAsync(db, from, to, ct);
    }

    /// <summary>
    /// What was saved since an editor opened the form at <paramref name="openedVersion"/>: the revision they started from
    /// against the newest. Null when history has nothing to compare (no revision, or the newest is the one they opened).
    /// </summary>
    public static async Task<RevisionComparison?> SinceVersionAsync(MadarDb db, int articleId, int openedVersion, CancellationToken ct)
    {
        var newest = await db.ArticleRevisions.AsNoTracking().NewestFirst(articleId).FirstOrDefaultAsync(ct);
        if (newest is null) return null;
        var started = await db.ArticleRevisions.AsNoTracking().StartedFrom(articleId, openedVersion).FirstOrDefaultAsync(ct);
        if (started?.Id == newest.Id) return null;
        // The form started before the oldest revision kept: everything in the newest is news to the editor (shown as
        // a comparison with an empty revision, id 0).
        started ??= new ArticleRevision { Title = "", BodyMarkdown = "", SectionId = newest.SectionId, Status = newest.Status, Tags = newest.Tags, LeadMediaId = newest.LeadMediaId, CreatedAt = newest.CreatedAt };
        return await CompareAsync(db, started, newest, ct);
    }

    private static async Task<RevisionComparison> CompareAsync(MadarDb db, ArticleRevision from, ArticleRevision to, CancellationToken ct)
    {
        var other = new List<FieldChange>();
        if (from.SectionId != to.SectionId)
        {
            var names = await db.Sections.AsNoTracking().Where(s => s.Id == from.SectionId || s.Id == to.SectionId)
                .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            other.Add(new("القسم", names.GetValueOrDefault(from.SectionId, "قسم محذوف"), names.GetValueOrDefault(to.SectionId, "قسم محذوف")));
        }
        if (from.Status != to.Status) other.Add(new("الحالة", Entry(from).StatusName, Entry(to).StatusName));
        if (from.LeadMediaId != to.LeadMediaId) other.Add(new("الصورة الرئيسية", PictureName(from.LeadMediaId), PictureName(to.LeadMediaId)));
        if (from.Tags != to.Tags) other.Add(new("الوسوم", from.Tags.Length > 0 ? from.Tags : "بلا وسوم", to.Tags.Length > 0 ? to.Tags : "بلا وسوم"));
        return new RevisionComparison(Entry(from), Entry(to),
            RevisionDiff.Compare(from.Title, to.Title), RevisionDiff.Compare(from.Summary, to.Summary), RevisionDiff.Compare(from.BodyMarkdown, to.BodyMarkdown),
            other);
    }

    private static string PictureName(int? id) => id is { } picture ? $"الصورة {picture}" : "بلا صورة";

    public static RevisionEntry Entry(ArticleRevision r) => new(r.Id, r.Kind, r.RestoredFromId, r.StaffUserId, r.CreatedAt, r.Status);
}
