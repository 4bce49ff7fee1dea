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
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@madar21.test";
        await factory.StartAsync();
        await factory.CreateStaffAsync(email, role);
        var client = factory.NewClient();
        var response = await client.LogInAsync(email, Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {role} answered {(int)response.StatusCode}");
        return client;
    }

    public static Task<HttpClient> SignedInAsEditorAsync(this MadarFactory factory) => factory.SignedInAsync(StaffRoles.Editor);

    public static Task<HttpClient> SignedInAsAdminAsync(this MadarFactory factory) => factory.SignedInAsync(StaffRoles.Admin);
}
