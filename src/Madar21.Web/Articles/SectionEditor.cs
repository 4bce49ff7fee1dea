using System.Text.RegularExpressions;
using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>
/// Adds, renames, reorders and deletes sections. A renamed section keeps its old name as an alias, so that the
/// old /section/… address answers 301 to the new one. Tracked entities and SaveChanges throughout, so that
/// whatever listens to saved changes (the page cache) sees them.
/// </summary>
public sealed partial class SectionEditor(MadarDb db, AuditTrail audit, ILogger<SectionEditor> log)
{
    public async Task<ChangeOutcome> AddAsync(string? name, string staffId, CancellationToken ct = default)
    {
        var clean = Clean(name);
        if (await ValidateAsync(clean, null, ct) is { } error) return ChangeOutcome.Refused(error);

        var position = await db.Sections.MaxAsync(s => (int?)s.Position, ct) + 1 ?? 0;
        var section = new Section { Name = clean!, Position = position };
        db.Sections.Add(section);
        await ReleaseAliasAsync(clean!, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.SectionAdded, $"section {section.Id}", ct: ct);
        log.LogInformation("Staff {UserId} added section {SectionId}", staffId, section.Id);
        return ChangeOutcome.Done;
    }

    public async Task<ChangeOutcome> RenameAsync(int id, string? name, string staffId, CancellationToken ct = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return ChangeOutcome.NotFound;
        var clean = Clean(name);
        if (clean == section.Name) return ChangeOutcome.Done;
        if (await ValidateAsync(clean, id, ct) is { } error) return ChangeOutcome.Refused(error);

        await ReleaseAliasAsync(clean!, ct);
        db.SectionAliases.Add(new SectionAlias { Name = section.Name, SectionId = section.Id });
        section.Name = clean!;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.SectionRenamed, $"section {id}", ct: ct);
        log.LogInformation("Staff {UserId} renamed section {SectionId}", staffId, id);
        return ChangeOutcome.Done;
    }

    /// <summary>Moves a section one place earlier (-1) or later (+1) in the navigation bar.</summary>
    public async Task<ChangeOutcome> MoveAsync(int id, int step, string staffId, CancellationToken ct = default)
    {
        var sections = await db.Sections.InNavigationOrder().ToListAsync(ct);
        var index = sections.FindIndex(s => s.Id == id);
        if (index < 0) return ChangeOutcome.NotFound;
        var target = Math.Clamp(index + Math.Sign(step), 0, sections.Count - 1);
        (sections[index], sections[target]) = (sections[target], sections[index]);
        for (var i = 0; i < sections.Count; i++)
            sections[i].Position = i; // positions made contiguous again, whatever they were
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.SectionMoved, $"section {id} to position {target}", ct: ct);
        log.LogInformation("Staff {UserId} moved section {SectionId} to position {Position}", staffId, id, target);
        return ChangeOutcome.Done;
    }

    public async Task<ChangeOutcome> DeleteAsync(int id, string staffId, CancellationToken ct = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return ChangeOutcome.NotFound;
        if (await db.Articles.AnyAsync(a => a.SectionId == id, ct))
            return ChangeOutcome.Refused("لا يمكن حذف قسم فيه مقالات. انقل مقالاته إلى قسم آخر أو احذفها أولاً.");
        db.Sections.Remove(section);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.SectionDeleted, $"section {id}", ct: ct);
        log.LogInformation("Staff {UserId} deleted section {SectionId}", staffId, id);
        return ChangeOutcome.Done;
    }

    private async Task<string?> ValidateAsync(string? name, int? exceptId, CancellationToken ct)
    {
        if (name is null) return "اسم القسم مطلوب.";
        if (name.Length > Section.NameMaxLength) return $"اسم القسم أطول من {ArabicPlural.Format(Section.NameMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}.";
        if (Section.UrlSegmentProblem(name) is { } problem) return problem;
        if (await db.Sections.AnyAsync(s => s.Name == name && s.Id != exceptId, ct)) return "يوجد قسم بهذا الاسم.";
        return null;
    }

    /// <summary>A name taken by a section can no longer be another section's old name.</summary>
    private async Task ReleaseAliasAsync(string name, CancellationToken ct)
    {
        if (await db.SectionAliases.FirstOrDefaultAsync(a => a.Name == name, ct) is { } alias)
            db.SectionAliases.Remove(alias);
    }

    private static string? Clean(string? name) =>
        name is null || Spaces().Replace(TextCleaning.Text(name), " ") is not { Length: > 0 } clean ? null : clean;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
