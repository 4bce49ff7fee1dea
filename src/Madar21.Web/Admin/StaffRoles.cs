using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Admin;

/// <summary>
/// The three kinds of staff account. Admin: everything, accounts included. Editor: every article, the review queue,
/// sections, comments. Writer (كاتب): their own drafts, submitted for review. What each may do is written in
/// <see cref="Newsroom.NewsroomRules"/>.
/// </summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Writer = "Writer";

    public static readonly string[] All = [Admin, Editor, Writer];

    public const int PasswordMinLength = 10;

    public static string ArabicName(string role) => role switch
    {
        Admin => "مدير",
        Editor => "محرر",
        Writer => "كاتب",
        _ => role,
    };

    /// <summary>
    /// Adds the roles missing from the database. Run by EF Core's seeding step of the migrations (see
    /// <c>DatabaseSetup</c>), under the migration lock: nodes started together on a new database add them once.
    /// </summary>
    public static async Task EnsureCreatedAsync(DbContext db, CancellationToken ct)
    {
        var roles = db.Set<IdentityRole>();
        var existing = await roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in All.Where(r => !existing.Contains(r)))
            roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }); // as Identity's normalizer does
        await db.SaveChangesAsync(ct);
    }
}
