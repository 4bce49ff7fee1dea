using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Pages.Admin.Users;

public class PasswordTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task A_password_reset_replaces_the_old_password_and_ends_open_sessions()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var (email, userId, editor) = await factory.SignedInStaffAsync();

        var page = await admin.GetPageAsync($"/admin/users/{userId}/password");
        var response = await admin.SubmitAsync(page.Form("form input[name=password]").Fill(new Dictionary<string, string> { ["password"] = "كلمة-مرور-جديدة-تماماً" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().LogInAsync(email, Staff.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().LogInAsync(email, "كلمة-مرور-جديدة-تماماً")).StatusCode);
    }
}
