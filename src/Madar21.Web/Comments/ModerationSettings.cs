using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Comments;

/// <summary>
/// The moderators' settings, stored as <see cref="SiteSetting"/> rows: whether a commenter who already has an
/// approved comment (same email) is published without waiting, as WordPress's «Comment author must have a
/// previously approved comment». Off by default: everything waits for a moderator.
/// </summary>
public sealed class ModerationSettings(MadarDb db)
{
    public const string AutoApproveKnownCommenters = "Comments.AutoApproveKnownCommenters";

    public Task<bool> AutoApprovesKnownCommentersAsync(CancellationToken ct = default) =>
        db.SiteSettings.AsNoTracking().AnyAsync(s => s.Name == AutoApproveKnownCommenters && s.Value == "true", ct);

    public async Task SetAutoApproveKnownCommentersAsync(bool on, CancellationToken ct = default)
    {
        var setting = await db.SiteSettings.FirstOrDefaultAsync(s => s.Name == AutoApproveKnownCommenters, ct);
        if (setting is null) db.SiteSettings.Add(new SiteSetting { Name = AutoApproveKnownCommenters, Value = on ? "true" : "false" });
        else setting.Value = on ? "true" : "false";
        await db.SaveChangesAsync(ct);
    }
}
