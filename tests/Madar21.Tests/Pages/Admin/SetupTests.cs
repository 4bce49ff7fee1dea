using System.Net;
using System.Text.RegularExpressions;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Admin;

/// <summary>The first account, both ways. Each test starts its own app: the bootstrap runs once, at start-up.</summary>
public partial class SetupTests
{
    private const string AdminEmail = "first-admin@madar21.test";
    private const string AdminPassword = "كلمة-مرور-المدير-الأول";

    [Fact]
    public async Task Configured_admin_is_created_at_start_up_and_can_sign_in()
    {
        using var factory = new MadarFactory().With("Admin:Email", AdminEmail).With("Admin:Password", AdminPassword);
        await factory.StartAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = await users.FindByEmailAsync(AdminEmail);
            Assert.NotNull(admin);
            Assert.True(await users.IsInRoleAsync(admin, StaffRoles.Admin));
            Assert.NotEqual(AdminPassword, admin.PasswordHash); // hashed by Identity
        }
        Assert.DoesNotContain("/admin/setup?token=", factory.Logs.AllText);

        var client = factory.NewClient();
        var login = await client.LogInAsync(AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync("/admin/setup?token=anything")).StatusCode);
    }

    [Fact]
    public async Task Without_configuration_the_logged_setup_url_creates_the_first_admin_then_answers_404()
    {
        using var factory = new MadarFactory();
        var client = await factory.StartAsync();

        var logged = SetupUrl().Match(factory.Logs.AllText);
        Assert.True(logged.Success, "the setup URL is logged");
        var url = logged.Value;
        Assert.Single(SetupUrl().Matches(factory.Logs.AllText).Select(m => m.Value).Distinct());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/setup?token=wrong")).StatusCode);

        var page = await client.GetPageAsync(url);
        var form = page.Form("form input[name=email]").Fill(new Dictionary<string, string>
        {
            ["email"] = AdminEmail, ["password"] = AdminPassword, ["confirmPassword"] = AdminPassword,
        });
        var created = await client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode); // signed in, as an Admin
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(url)).StatusCode);
        var replay = await client.SubmitAsync(form); // its token was for an anonymous visitor: 400 before 404
        Assert.Contains(replay.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.Equal(1, await factory.WithDb(db => db.Users.CountAsync()));

        var other = factory.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await other.LogInAsync(AdminEmail, AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Setup_refuses_a_short_password_with_an_arabic_message_and_keeps_the_email()
    {
        using var factory = new MadarFactory();
        var client = await factory.StartAsync();
        var url = SetupUrl().Match(factory.Logs.AllText).Value;

        var page = await client.GetPageAsync(url);
        var response = await client.SubmitAsync(page.Form("form input[name=email]").Fill(new Dictionary<string, string>
        {
            ["email"] = AdminEmail, ["password"] = "قصيرة", ["confirmPassword"] = "قصيرة",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.ParsePageAsync();
        Assert.Contains("كلمة المرور قصيرة", again.GetElementById("Password-error")!.Text());
        Assert.Equal(AdminEmail, again.QuerySelector("input[name=email]")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDb(db => db.Users.CountAsync()));
    }

    [GeneratedRegex(@"/admin/setup\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex SetupUrl();
}
