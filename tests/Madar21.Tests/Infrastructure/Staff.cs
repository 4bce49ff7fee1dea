using System.Net;
using Madar21.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// Staff accounts for tests: made through the app's own UserManager (so with its password hashing and roles),
/// and signed in by submitting the real login form, so the client holds a real sign-in cookie.
/// </summary>
public static class Staff
{
    public const string Password = "كلمة-سر-للاختبار-2024";

    public static async Task<IdentityUser> CreateStaffAsync(this MadarFactory factory, string email, string role, string password = Password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<StaffUserManager>();
        var result = await users.CreateStaffAsync(email, password, role);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return (await users.FindByEmailAsync(email))!;
    }

    /// <summary>An address no other account in the test uses.</summary>
    public static string NewEmail(string role = StaffRoles.Editor) => $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@madar21.test";

    /// <summary>A new account in this role on the started app, with a new client that has not signed in yet.</summary>
    public static async Task<StaffAccount> NewStaffAsync(this MadarFactory factory, string role = StaffRoles.Editor)
    {
        await factory.StartAsync();
        var email = NewEmail(role);
        var user = await factory.CreateStaffAsync(email, role);
        return new StaffAccount(email, user.Id, factory.NewClient());
    }

    /// <summary>A new account in this role, signed in on its client.</summary>
    public static async Task<StaffAccount> SignedInStaffAsync(this MadarFactory factory, string role = StaffRoles.Editor)
    {
        var account = await factory.NewStaffAsync(role);
        var response = await account.Client.LogInAsync(account.Email, Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {role} answered {(int)response.StatusCode}");
        return account;
    }

    /// <summary>Signs this client out through the button every admin page shows.</summary>
    public static async Task SignOutAsync(this HttpClient client)
    {
        var page = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page.Form(".admin-user"))).StatusCode);
    }

    /// <summary>Submits /admin/login with these credentials on this client; returns the response (302 when it worked).</summary>
    public static async Task<HttpResponseMessage> LogInAsync(this HttpClient client, string email, string password, string loginUrl = "/admin/login")
    {
        var page = await client.GetPageAsync(loginUrl);
        var form = page.Form("form input[name=email]").Fill(new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        return await client.SubmitAsync(form);
    }

    /// <summary>A new client on the started app, signed in as a new account in this role.</summary>
    public static async Task<HttpClient> SignedInAsync(this MadarFactory factory, string role, string? email = null)
    {
        email ??= NewEmail(role);
        await factory.StartAsync();
        await factory.CreateStaffAsync(email, role);
        var client = factory.NewClient();
        var response = await client.LogInAsync(email, Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {role} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>
    /// The code an authenticator app shows for this key at <paramref name="at"/> (now by default), computed here with
    /// Otp.NET (RFC 6238: SHA-1, six digits, 30 seconds). Identity reads the system clock, not the test's.
    /// </summary>
    public static string AuthenticatorCode(string key, DateTime? at = null) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>A code the site has not seen yet: each code is accepted once, and codes 30 s ahead are still accepted.</summary>
    public static string NextAuthenticatorCode(string key, int step) => AuthenticatorCode(key, DateTime.UtcNow.AddSeconds(30 * step));

    /// <summary>
    /// Sets up the second factor of the signed-in account through its page, with the code of the time
    /// <paramref name="at"/> (now by default); returns the key and the ten recovery codes shown.
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolTwoFactorAsync(this HttpClient client, DateTime? at = null)
    {
        var page = await client.GetPageAsync("/admin/account/two-factor");
        var key = page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var form = page.Form("form input[name=code]").Fill(new Dictionary<string, string> { ["code"] = AuthenticatorCode(key, at) });
        var enabled = await client.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var shown = await client.GetPageAsync(enabled.Headers.Location!.OriginalString);
        var codes = shown.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        return (key, codes);
    }

    /// <summary>Answers the second step of signing in on this client (after a password that led to it).</summary>
    public static async Task<HttpResponseMessage> EnterCodeAsync(this HttpClient client, string code, bool rememberBrowser = false, string url = "/admin/login/two-factor")
    {
        var page = await client.GetPageAsync(url);
        var form = page.Form("form input[name=code]");
        var values = new Dictionary<string, string> { ["code"] = code };
        if (rememberBrowser) values["rememberBrowser"] = "true";
        return await client.SubmitAsync(form.Fill(values));
    }

    public static Task<HttpClient> SignedInAsEditorAsync(this MadarFactory factory) => factory.SignedInAsync(StaffRoles.Editor);

    public static Task<HttpClient> SignedInAsAdminAsync(this MadarFactory factory) => factory.SignedInAsync(StaffRoles.Admin);

    /// <summary>A new Writer (كاتب), signed in: their id is what the newsroom's rules compare with an article's creator.</summary>
    public static Task<StaffAccount> SignedInWriterAsync(this MadarFactory factory) => factory.SignedInStaffAsync(StaffRoles.Writer);

    /// <summary>
    /// A post as a crafted request would send it, not through a form the page shows: with this client's valid
    /// antiforgery token (taken from a page it may open), so that only the permission decides the answer.
    /// </summary>
    public static async Task<HttpResponseMessage> ForgedPostAsync(this HttpClient client, string url, Dictionary<string, string> fields, string tokenFrom = "/admin/articles/new")
    {
        var page = await client.GetPageAsync(tokenFrom);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{tokenFrom} has no antiforgery token");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }
}

/// <summary>A staff account made for one test, and the client that uses it.</summary>
public sealed record StaffAccount(string Email, string UserId, HttpClient Client);
