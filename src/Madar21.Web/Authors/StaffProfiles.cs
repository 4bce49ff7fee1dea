using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Authors;

/// <summary>What a staff member typed into their profile form.</summary>
public sealed record ProfileInput(string? DisplayName, string? Bio, int? PictureMediaId);

/// <summary>
/// The one place where staff profiles are made and saved. Every account gets one when it is first needed (its first
/// article, its profile page), named «محرر N» until the person names it: never from the email address, which no
/// public page shows.
/// </summary>
public sealed class StaffProfiles(MadarDb db, TimeProvider clock, ILogger<StaffProfiles> log)
{
    /// <summary>The desk's address, <c>/author/desk</c>: no staff profile may take it.</summary>
    public const string DeskSlug = "desk";

    public static class Fields
    {
        public const string DisplayName = nameof(ProfileInput.DisplayName);
        public const string Bio = nameof(ProfileInput.Bio);
        public const string PictureMediaId = nameof(ProfileInput.PictureMediaId);
    }

    /// <summary>The account's profile, made now when it has none; null when there is no such account.</summary>
    public async Task<StaffProfile?> EnsureAsync(string userId, CancellationToken ct)
    {
        if (await db.StaffProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct) is { } existing) return existing;
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return null;
        var number = await db.StaffProfiles.CountAsync(ct) + 1;
        var name = $"محرر {number}";
        var profile = db.StaffProfiles.Add(new StaffProfile
        {
            UserId = userId, DisplayName = name, Slug = await UniqueSlugAsync(name, null, ct), UpdatedAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request made it (or took the slug) at the same moment: theirs is the one.
            db.Entry(profile).State = EntityState.Detached;
            return await db.StaffProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct)
                ?? throw new InvalidOperationException($"No profile could be made for account {userId}.");
        }
        log.LogInformation("Made profile {ProfileId} for account {UserId}", profile.Id, userId);
        return profile;
    }

    /// <summary>A profile for every account that has none: the article form offers every staff member.</summary>
    public async Task EnsureAllAsync(CancellationToken ct)
    {
        var missing = await db.Users.Where(u => !db.StaffProfiles.Any(p => p.UserId == u.Id)).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in missing) await EnsureAsync(userId, ct);
    }

    /// <summary>The rules alone, for a form that already failed to bind.</summary>
    public async Task<List<FieldError>> ValidateAsync(ProfileInput input, CancellationToken ct) => (await CheckAsync(input, ct)).Errors;

    /// <summary>Saves the profile; the errors, in Arabic and by field, when the input breaks a rule (nothing is saved then).</summary>
    public async Task<List<FieldError>> SaveAsync(StaffProfile profile, ProfileInput input, string staffId, CancellationToken ct)
    {
        var (errors, name, bio) = await CheckAsync(input, ct);
        if (errors.Count > 0) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        // The address follows the name given by default until the person names the profile; from then on it stays.
        if (profile.NamedAt is null)
        {
            if (name != profile.DisplayName) profile.Slug = await UniqueSlugAsync(name!, profile.Id, ct);
            profile.NamedAt = now;
        }
        profile.DisplayName = name!;
        profile.Bio = bio;
        profile.PictureMediaId = input.PictureMediaId;
        profile.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Staff {StaffId} saved profile {ProfileId}", staffId, profile.Id);
        return [];
    }

    private async Task<(List<FieldError> Errors, string? Name, string? Bio)> CheckAsync(ProfileInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = input.DisplayName is null ? "" : TextCleaning.Line(input.DisplayName);
        if (name.Length == 0) errors.Add(new(Fields.DisplayName, "الاسم المعروض مطلوب."));
        else if (name.Length > StaffProfile.DisplayNameMaxLength)
            errors.Add(new(Fields.DisplayName, $"الاسم المعروض أطول من {StaffProfile.DisplayNameMaxLength} حرفًا."));
        else if (name.Contains('@'))
            errors.Add(new(Fields.DisplayName, "الاسم المعروض يظهر للقراء: اكتب اسمك، لا بريدك الإلكتروني."));

        var bio = input.Bio is null ? null : TextCleaning.Text(input.Bio);
        if (bio is { Length: 0 }) bio = null;
        if (bio?.Length > StaffProfile.BioMaxLength) errors.Add(new(Fields.Bio, $"النبذة أطول من {StaffProfile.BioMaxLength} حرف."));

        if (input.PictureMediaId is { } mediaId && !await db.Media.AnyAsync(m => m.Id == mediaId, ct))
            errors.Add(new(Fields.PictureMediaId, "الصورة المختارة لم تعد في المكتبة؛ اختر غيرها."));
        return (errors, name, bio);
    }

    /// <summary>The slug of the name, with -2, -3… when another profile has it; never the desk's.</summary>
    private async Task<string> UniqueSlugAsync(string name, int? exceptId, CancellationToken ct)
    {
        var stem = Slug.FromTitle(name);
        if (stem == "article") stem = "author"; // a name with no letter or digit to keep
        var taken = (await db.StaffProfiles.AsNoTracking()
                .Where(p => p.Id != exceptId && (p.Slug == stem || p.Slug.StartsWith(stem + "-")))
                .Select(p => p.Slug).ToListAsync(ct))
            .Append(DeskSlug).ToHashSet();
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{stem}-{n}";
        return slug;
    }
}
