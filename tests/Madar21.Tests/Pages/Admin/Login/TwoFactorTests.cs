using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Login;

public class TwoFactorTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    /// <summary>A new account with the second factor on, signed out again: its next sign-in asks for a code.</summary>
    private async Task<(StaffAccount Account, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledThenSignedOutAsync()
    {
        var account = await factory.SignedInStaffAsync();
        var (key, codes) = await account.Client.EnrolTwoFactorAsync();
        await account.Client.SignOutAsync();
        return (account, key, codes);
    }

    [Fact]
    public async Task An_editor_sets_up_two_factor_then_signs_in_with_a_code_computed_from_the_key()
    {
        var (email, userId, client) = await factory.SignedInStaffAsync();

        // The enrolment's time, to replay its very code below: a code computed later may belong to the next 30 s step.
        var enrolledAt = DateTime.UtcNow;
        var (key, codes) = await client.EnrolTwoFactorAsync(enrolledAt);

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await factory.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // Stored as hashes only: the database holds no usable recovery code.
        var stored = await factory.WithDb(db => db.UserTokens.Where(t => t.UserId == userId).Select(t => t.Value).ToListAsync());
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.DoesNotContain(stored, value => value != null && value.Contains(code, StringComparison.OrdinalIgnoreCase)));
        // The codes are shown once.
        Assert.Empty((await client.GetPageAsync("/admin/account/two-factor")).QuerySelectorAll(".recovery-codes li"));

        await client.SignOutAsync();
        var password = await client.LogInAsync(email, Staff.Password, "/admin/login?ReturnUrl=%2Fadmin%2Fsections");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/admin/login/two-factor", password.RedirectTarget().AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // not in yet

        var wrong = await client.EnterCodeAsync("123456", url: password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("الرمز غير صحيح", (await wrong.ParsePageAsync()).QuerySelector("main")!.TextContent);
        // The code used to switch it on was accepted once already: it cannot open a second session.
        var replayed = await client.EnterCodeAsync(Staff.AuthenticatorCode(key, enrolledAt), url: password.Headers.Location!.OriginalString);
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
        var ((email, userId, client), _, codes) = await EnrolledThenSignedOutAsync();

        await client.LogInAsync(email, Staff.Password);
        var first = await client.EnterCodeAsync(codes[3].ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/admin", first.Headers.Location!.OriginalString);
        Assert.Contains("بقي لك 9 ", (await client.GetPageAsync("/admin/account/two-factor")).QuerySelector("main")!.TextContent);
        await client.SignOutAsync();

        await client.LogInAsync(email, Staff.Password);
        var second = await client.EnterCodeAsync(codes[3]);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(AuditAction.RecoveryCodeUsed, await factory.WithDb(db => db.AuditEntries.Where(e => e.UserId == userId).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Remember_this_browser_skips_the_code_for_thirty_days()
    {
        var ((email, _, client), key, _) = await EnrolledThenSignedOutAsync();

        await client.LogInAsync(email, Staff.Password);
        var remembered = await client.EnterCodeAsync(Staff.NextAuthenticatorCode(key, 1), rememberBrowser: true);
        Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        var cookie = remembered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Identity.TwoFactorRememberMe=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        var expires = DateTimeOffset.Parse(cookie.Split(';').Single(p => p.Trim().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)).Split('=')[1]);
        Assert.InRange(expires - factory.Clock.GetUtcNow(), TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
        await client.SignOutAsync();

        var direct = await client.LogInAsync(email, Staff.Password);
        Assert.Equal("/admin", direct.Headers.Location!.OriginalString);
        await client.SignOutAsync();

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var later = await client.LogInAsync(email, Staff.Password);
        Assert.Equal("/admin/login/two-factor", later.RedirectTarget().AbsolutePath);
    }
}
