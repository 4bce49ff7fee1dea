using Madar21.Tests.Infrastructure;
using Madar21.Web.Authors;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Authors;

/// <summary>A staff account with a named public profile, made through the app's own services.</summary>
public sealed record Author(string Email, string UserId, int ProfileId, string Name, string Slug)
{
    public string PagePath => Byline.PagePath(Slug);
}

public static class AuthorTestKit
{
    /// <summary>A new staff account (role Editor) whose profile is named <paramref name="name"/>, as if saved on its page.</summary>
    public static async Task<Author> AuthorAsync(this MadarFactory factory, string name, string? bio = null)
    {
        await factory.StartAsync();
        var email = Staff.NewEmail();
        var user = await factory.CreateStaffAsync(email, Madar21.Web.Admin.StaffRoles.Editor);
        await using var scope = factory.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<StaffProfiles>();
        var profile = (await profiles.EnsureAsync(user.Id, default))!;
        Assert.Empty(await profiles.SaveAsync(profile, new ProfileInput(name, bio, null), user.Id, default));
        return new Author(email, user.Id, profile.Id, profile.DisplayName, profile.Slug);
    }

    public static Task<StaffProfile> ProfileAsync(this MadarFactory factory, int id) =>
        factory.WithDb(db => db.StaffProfiles.AsNoTracking().SingleAsync(p => p.Id == id));
}
