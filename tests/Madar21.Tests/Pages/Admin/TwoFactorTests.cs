using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin;

public class TwoFactorTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string NewEmail() => $"editor-{Guid.NewGuid():N}@madar21.test";

    private static Uri Where(HttpResponseMessage response) => new(new Uri(MadarFactory.BaseUrl), response.Headers.Location!);

    private async Task<(string Email, HttpClient Client, string UserId)> SignedInEditorAsync()
    {
        await factory.StartAsync();
        var email = NewEmail();
        var user = await factory.CreateStaffAsync(email, StaffRoles.Editor);
        var client = factory.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(email, Staff.Password)).StatusCode);
        return (email, client, user.Id);
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page.Form(".admin-user"))).StatusCode);
    }

    [Fact]
    public async Task Enrolment_shows_a_qr_code_drawn_by_the_site_and_refuses_a_wrong_code_in_arabic()
    {
        var (_, client, userId) = await SignedInEditorAsync();

        var page = await client.GetPageAsync("/admin/account/two-factor");
        var qr = page.QuerySelector("img.qr-code")!;
        var src = qr.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(src["data:image/png;base64,".Length..])[..4]);
        Assert.False(string.IsNullOrWhiteSpace(qr.GetAttribute("alt")));
        Assert.DoesNotContain(page.QuerySelectorAll("img, script, link"), e => (e.GetAttribute("src") ?? e.GetAttribute("href") ?? "").StartsWith("http", StringComparison.Ordinal));
        Assert.Matches("^([a-z2-7]{4} ?)+$", page.QuerySelector("#authenticator-key")!.TextContent);

        var wrong = await client.SubmitAsync(page.Form("form input[name=code]").Fill(new Dictionary<string, string> { ["code"] = "000000" }));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var again = await wrong.ParsePageAsync();
        var field = again.QuerySelector("input[name=code]")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("الرمز غير صحيح", again.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ').Last())!.TextContent);
        Assert.False(await factory.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task An_editor_sets_up_two_factor_then_signs_in_with_a_code_computed_from_the_key()
    {
        var (email, client, userId) = await SignedInEditorAsync();

        var (key, codes) = await client.EnrolTwoFactorAsync();

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await factory.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // Stored as hashes only: the database holds no usable recovery code.
        var stored = await factory.WithDb(db => db.UserTokens.Where(t => t.UserId == userId).Select(t => t.Value).ToListAsync());
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.DoesNotContain(stored, value => value != null && value.Contains(code, StringComparison.OrdinalIgnoreCase)));
        // The codes are shown once.
        Assert.Empty((await client.GetPageAsync("/admin/account/two-factor")).QuerySelectorAll(".recovery-codes li"));

        await SignOutAsync(client);
        var password = await client.LogInAsync(email, Staff.Password, "/admin/login?ReturnUrl=%2Fadmin%2Fsections");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/admin/login/two-factor", Where(password).AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // not in yet

        var wrong = await client.EnterCodeAsync("123456", url: password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("الرمز غير صحيح", (await wrong.ParsePageAsync()).QuerySelector("main")!.TextContent);
        // The code used to switch it on was accepted once already: it cannot open a second session.
        var replayed = await client.EnterCodeAsync(Staff.AuthenticatorCode(key), url: password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);

        var signedIn = await client.EnterCodeAsync(Staff.NextAuthenticatorCode(key, 1), url: password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/sections", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var actions = await factory.WithDb(db => db.AuditEntries.Where(e => e.UserId == userId).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.TwoFactorEnabled, actions);
        Assert.Equal(2, actions.Count(a => a == AuditAction.SignInFailed));
    }

    [Fact]
    public async Task A_recovery_code_opens_the_account_once()
    {
        var (email, client, userId) = await SignedInEditorAsync();
        var (_, codes) = await client.EnrolTwoFactorAsync();
        await SignOutAsync(client);

        await client.LogInAsync(email, Staff.Password);
        var first = await client.EnterCodeAsync(codes[3].ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/admin", first.Headers.Location!.OriginalString);
        Assert.Contains("بقي لك 9 ", (await client.GetPageAsync("/admin/account/two-factor")).QuerySelector("main")!.TextContent);
        await SignOutAsync(client);

        await client.LogInAsync(email, Staff.Password);
        var second = await client.EnterCodeAsync(codes[3]);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(AuditAction.RecoveryCodeUsed, await factory.WithDb(db => db.AuditEntries.Where(e => e.UserId == userId).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Remember_this_browser_skips_the_code_for_thirty_days()
    {
        var (email, client, _) = await SignedInEditorAsync();
        var (key, _) = await client.EnrolTwoFactorAsync();
        await SignOutAsync(client);

        await client.LogInAsync(email, Staff.Password);
        var remembered = await client.EnterCodeAsync(Staff.NextAuthenticatorCode(key, 1), rememberBrowser: true);
        Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        var cookie = remembered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Identity.TwoFactorRememberMe=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        var expires = DateTimeOffset.Parse(cookie.Split(';').Single(p => p.Trim().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)).Split('=')[1]);
        Assert.InRange(expires - factory.Clock.GetUtcNow(), TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
        await SignOutAsync(client);

        var direct = await client.LogInAsync(email, Staff.Password);
        Assert.Equal("/admin", direct.Headers.Location!.OriginalString);
        await SignOutAsync(client);

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var later = await client.LogInAsync(email, Staff.Password);
        Assert.Equal("/admin/login/two-factor", Where(later).AbsolutePath);
    }

    [Fact]
    public async Task When_an_admin_requires_it_an_account_without_two_factor_is_sent_to_set_it_up()
    {
        using var site = new MadarFactory();
        var admin = await site.SignedInAsAdminAsync();
        var users = await admin.GetPageAsync("/admin/users");
        var required = await admin.SubmitAsync(users.Form("form input[name=required]").Fill(new Dictionary<string, string> { ["required"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, required.StatusCode);

        var email = NewEmail();
        await site.CreateStaffAsync(email, StaffRoles.Editor);
        var editor = site.NewClient();
        Assert.Equal("/admin", (await editor.LogInAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        foreach (var url in new[] { "/admin", "/admin/articles/new", "/admin/comments" })
        {
            var sent = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/admin/account/two-factor", Where(sent).AbsolutePath);
        }

        var page = await editor.GetPageAsync("/admin/account/two-factor?returnUrl=%2Fadmin%2Fcomments");
        Assert.Contains("إلزامي", page.QuerySelector("main")!.TextContent);
        var (key, _) = await editor.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/comments")).StatusCode);
        var after = await editor.GetPageAsync("/admin/account/two-factor");
        Assert.DoesNotContain(after.QuerySelectorAll("button"), b => b.TextContent.Contains("إيقاف"));
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Contains(AuditAction.TwoFactorRequirementChanged, await site.WithDb(db => db.AuditEntries.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task An_admin_takes_the_second_factor_off_an_editor_who_lost_the_phone()
    {
        var (email, editor, userId) = await SignedInEditorAsync();
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
}
