using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Account;

public class TwoFactorTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Enrolment_shows_a_qr_code_drawn_by_the_site_and_refuses_a_wrong_code_in_arabic()
    {
        var (_, userId, client) = await factory.SignedInStaffAsync();

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
    public async Task When_an_admin_requires_it_an_account_without_two_factor_is_sent_to_set_it_up()
    {
        using var site = new MadarFactory();
        var admin = await site.SignedInAsAdminAsync();
        var users = await admin.GetPageAsync("/admin/users");
        var required = await admin.SubmitAsync(users.Form("form input[name=required]").Fill(new Dictionary<string, string> { ["required"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, required.StatusCode);

        var (email, _, editor) = await site.NewStaffAsync();
        Assert.Equal("/admin", (await editor.LogInAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        foreach (var url in new[] { "/admin", "/admin/articles/new", "/admin/comments" })
        {
            var sent = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/admin/account/two-factor", sent.RedirectTarget().AbsolutePath);
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
}
