using System.Security.Cryptography;
using System.Text;
using Madar21.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Admin;

/// <summary>
/// Makes sure, at start-up, that someone can get in (the roles are added with the migrations,
/// <see cref="StaffRoles.EnsureCreatedAsync"/>): the Admin named in configuration
/// (<c>Admin:Email</c>, <c>Admin:Password</c>) is created when no account exists; otherwise a one-time setup URL
/// with a random token is logged. The token lives in memory only, so a restart makes (and logs) a new one, and
/// the setup page stops answering as soon as any account exists.
/// </summary>
public sealed class AdminBootstrap(
    IServiceScopeFactory scopes,
    IOptions<AdminOptions> options,
    IOptions<SiteOptions> site,
    ILogger<AdminBootstrap> log) : IHostedService
{
    public const string SetupPath = "/admin/setup";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile string? _setupToken;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<StaffUserManager>();
        if (await users.Users.AnyAsync(ct)) return;

        var configured = options.Value;
        if (!string.IsNullOrWhiteSpace(configured.Email) && !string.IsNullOrEmpty(configured.Password))
        {
            var result = await users.CreateStaffAsync(configured.Email, configured.Password, StaffRoles.Admin);
            if (result.Succeeded)
            {
                log.LogInformation("Created the first Admin account from the Admin:Email and Admin:Password settings");
                return;
            }
            log.LogError("Could not create the first Admin account from the Admin settings: {Errors}",
                string.Join(", ", result.Errors.Select(e => e.Code)));
        }

        _setupToken = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        log.LogWarning("No account exists yet. Create the first Admin at {SetupUrl} (valid until an account exists or the site restarts)",
            $"{site.Value.BaseUrl.TrimEnd('/')}{SetupPath}?token={_setupToken}");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>True while no account exists and the token is the logged one.</summary>
    public async Task<bool> IsSetupOpenAsync(string? token, UserManager<IdentityUser> users)
    {
        if (_setupToken is not { } expected || string.IsNullOrEmpty(token)) return false;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token))) return false;
        if (!await users.Users.AnyAsync())
            return true;
        _setupToken = null;
        return false;
    }

    /// <summary>Creates the first Admin through the setup page; null when the setup is closed (or was just used).</summary>
    public async Task<IdentityResult?> CreateFirstAdminAsync(string? token, string email, string password, StaffUserManager users)
    {
        await _gate.WaitAsync();
        try
        {
            if (!await IsSetupOpenAsync(token, users)) return null;
            var result = await users.CreateStaffAsync(email, password, StaffRoles.Admin);
            if (result.Succeeded)
            {
                _setupToken = null;
                log.LogInformation("Created the first Admin account through the setup page");
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
