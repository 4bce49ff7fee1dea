using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Admin.Users;

public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static AngleSharp.Dom.IElement RowOf(AngleSharp.Html.Dom.IHtmlDocument page, string email) =>
        page.QuerySelectorAll(".admin-row").Single(r => r.QuerySelector("bdi")!.Text() == email);

    [Fact]
    public async Task An_admin_adds_an_editor_who_can_then_sign_in()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var email = Staff.NewEmail();

        var page = await admin.GetPageAsync("/admin/users");
        var form = page.Form("form select[name=role]").Fill(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = "كلمة-مرور-المحرر-الجديد", ["role"] = StaffRoles.Editor,
        });
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form)).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal([StaffRoles.Editor], await users.GetRolesAsync(user));
        }
        Assert.Contains("محرر", RowOf(await admin.GetPageAsync("/admin/users"), email).Text());
        var editor = factory.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.LogInAsync(email, "كلمة-مرور-المحرر-الجديد")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/articles")).StatusCode);
    }

    [Fact]
    public async Task A_short_password_or_a_taken_email_is_refused_in_arabic()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var taken = (await factory.NewStaffAsync()).Email;
        var before = await factory.WithDb(db => db.Users.CountAsync());

        var page = await admin.GetPageAsync("/admin/users");
        var response = await admin.SubmitAsync(page.Form("form select[name=role]").Fill(new Dictionary<string, string>
        {
            ["email"] = Staff.NewEmail(), ["password"] = "قصيرة",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("كلمة المرور قصيرة", (await response.ParsePageAsync()).GetElementById("Password-error")!.Text());

        page = await admin.GetPageAsync("/admin/users");
        response = await admin.SubmitAsync(page.Form("form select[name=role]").Fill(new Dictionary<string, string>
        {
            ["email"] = taken, ["password"] = "كلمة-مرور-طويلة-بما-يكفي",
        }));
        var again = await response.ParsePageAsync();
        Assert.Equal("يوجد حساب بهذا البريد الإلكتروني.", again.GetElementById("Email-error")!.Text());
        Assert.Equal(taken, again.QuerySelector("input[name=email]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDb(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_disabled_editor_is_signed_out_at_once_and_cannot_sign_in_until_enabled()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var (email, _, editor) = await factory.SignedInStaffAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);

        var row = RowOf(await admin.GetPageAsync("/admin/users"), email);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(row.Form("form"), row.Button("إيقاف"))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
        var refused = await factory.NewClient().LogInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("موقوف", RowOf(await admin.GetPageAsync("/admin/users"), email).Text());

        row = RowOf(await admin.GetPageAsync("/admin/users"), email);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(row.Form("form"), row.Button("تفعيل"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().LogInAsync(email, Staff.Password)).StatusCode);
    }

    [Fact]
    public async Task A_removed_account_is_gone()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var email = (await factory.NewStaffAsync()).Email;

        var row = RowOf(await admin.GetPageAsync("/admin/users"), email);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(row.Form("form"), row.Button("حذف"))).StatusCode);

        Assert.False(await factory.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().LogInAsync(email, Staff.Password)).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_remove_their_own_account()
    {
        var email = Staff.NewEmail();
        var admin = await factory.SignedInAsync(StaffRoles.Admin, email);
        var page = await admin.GetPageAsync("/admin/users");
        var row = RowOf(page, email);
        Assert.DoesNotContain(row.QuerySelectorAll("button"), b => b.Text().StartsWith("حذف", StringComparison.Ordinal) || b.Text().StartsWith("إيقاف", StringComparison.Ordinal));

        var id = await factory.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var token = row.Form("form").QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await admin.PostAsync("/admin/users?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal("لا يمكنك إيقاف حسابك أو حذفه.", (await forged.ParsePageAsync()).QuerySelector(".form-errors[role=alert] li")!.Text());
        Assert.True(await factory.WithDb(db => db.Users.AnyAsync(u => u.Id == id)));
    }

    [Fact]
    public async Task After_a_refused_account_the_corrected_one_is_created_and_the_row_buttons_still_act()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var other = (await factory.NewStaffAsync()).Email;
        var email = Staff.NewEmail();
        var page = await admin.GetPageAsync("/admin/users");
        var refused = await admin.SubmitAsync(page.Form("form select[name=role]").Fill(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = "قصيرة", ["role"] = StaffRoles.Editor,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ParsePageAsync();
        Assert.Contains("handler=Add", refusedPage.Url);

        var corrected = refusedPage.Form("form select[name=role]").Fill(new Dictionary<string, string> { ["password"] = "كلمة-مرور-طويلة-بما-يكفي" });
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(corrected)).StatusCode);
        Assert.True(await factory.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));

        var again = await admin.SubmitAsync((await admin.GetPageAsync("/admin/users")).Form("form select[name=role]"));
        var disable = RowOf(await again.ParsePageAsync(), other).QuerySelectorAll("button").First(b => b.Text().Contains("إيقاف"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(disable.OwnerForm(), disable)).StatusCode);
        Assert.True(await factory.WithDb(db => db.Users.Where(u => u.Email == other).Select(u => u.LockoutEnd != null).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_takes_the_second_factor_off_an_editor_who_lost_the_phone()
    {
        var (email, userId, editor) = await factory.SignedInStaffAsync();
        await editor.EnrolTwoFactorAsync();
        var admin = await factory.SignedInAsAdminAsync();

        var users = await admin.GetPageAsync("/admin/users");
        var row = users.QuerySelectorAll(".admin-row").Single(r => r.TextContent.Contains(email));
        Assert.Contains("بتحقق بخطوتين", row.TextContent);
        var reset = await admin.SubmitAsync(row.Form("form"), row.Button("إلغاء التحقق بخطوتين"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.False(await factory.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode); // its sessions ended
        Assert.Equal("/admin", (await factory.NewClient().LogInAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        Assert.Contains(await factory.WithDb(db => db.AuditEntries.Where(e => e.Action == AuditAction.TwoFactorReset).Select(e => e.Subject).ToListAsync()),
            subject => subject!.Contains(userId));
    }

    [Fact]
    public async Task An_editor_cannot_reach_the_accounts_page()
    {
        var editor = await factory.SignedInAsEditorAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        var users = await factory.WithDb(db => db.Users.CountAsync());
        var post = await editor.PostAsync("/admin/users?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "intruder@madar21.test", ["password"] = "كلمة-مرور-طويلة", ["role"] = StaffRoles.Admin,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(users, await factory.WithDb(db => db.Users.CountAsync()));
        var admin = await editor.GetPageAsync("/admin");
        Assert.DoesNotContain(admin.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/users");
    }
}
