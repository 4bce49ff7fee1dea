using System.Security.Cryptography;
using System.Text.Json;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Revisions;

/// <summary>
/// A writer whose sign-in expired while writing loses nothing. When the article form is posted without a valid
/// session, the sign-in redirect keeps the posted fields first: encrypted with Data Protection, in the database (any
/// node can give them back), under a random id that the sign-in's return address carries
/// (<c>/admin/articles/5/edit?kept=…</c>), for <see cref="KeepFor"/>. Signed in again, the writer finds the form
/// filled with what they sent, and saves it with a fresh form.
///
/// Anti-forgery: the post cannot be checked as usual, because its token was issued to the identity that has just
/// expired. It is not replayed either: nothing is saved until the writer, signed in, submits the form again with a
/// new token. What is kept is guarded instead: only a same-origin post (<c>Sec-Fetch-Site</c>, <c>Origin</c>) that
/// carries the antiforgery cookie (SameSite=Strict, so a cross-site form never carries it) and its form field is kept,
/// and only the browser that posted it (a random key in its own SameSite=Strict cookie, stored hashed) can open it.
/// The fields never reach a log.
/// </summary>
public sealed class KeptArticleForms(MadarDb db, IDataProtectionProvider protection, IOptions<AntiforgeryOptions> antiforgery,
    TimeProvider clock, ILogger<KeptArticleForms> log)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(12);
    public const string QueryName = "kept";
    public const string BrowserCookie = "madar21-kept";
    private const int MaxFields = 64;
    private static readonly string[] ArticleForms = ["/Admin/Articles/New", "/Admin/Articles/Edit"];

    private readonly IDataProtector _protector = protection.CreateProtector("Madar21.Revisions.KeptArticleForms");

    /// <summary>
    /// Before the cookie's sign-in redirect: keeps an article form posted without a valid session, and makes the
    /// redirect return to it.
    /// </summary>
    public static async Task BeforeSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var kept = context.HttpContext.RequestServices.GetRequiredService<KeptArticleForms>();
        if (await kept.KeepAsync(context.HttpContext) is { } returnUrl)
            context.RedirectUri = context.Request.PathBase + context.Options.LoginPath + QueryString.Create(context.Options.ReturnUrlParameter, returnUrl);
    }

    /// <summary>Keeps the posted article form; returns the form's address that gives it back, or null when nothing was kept.</summary>
    public async Task<string?> KeepAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return null;
        var page = http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;
        if (page is null || !ArticleForms.Contains(page)) return null;
        if (!SameOrigin(request)) return null;
        var options = antiforgery.Value;
        if (options.Cookie.Name is not { } cookieName || !request.Cookies.ContainsKey(cookieName)) return null;

        IFormCollection form;
        try { form = await request.ReadFormAsync(http.RequestAborted); }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException) { return null; }
        if (!form.ContainsKey(options.FormFieldName) || form.Count > MaxFields) return null;

        var fields = form.Where(f => f.Key != options.FormFieldName).ToDictionary(f => f.Key, f => f.Value.ToArray());
        var browserKey = request.Cookies[BrowserCookie] is { Length: > 0 } existing ? existing : NewKey(32);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new KeptArticleForm
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeptArticleForm.IdLength / 2)),
            BrowserKeyHash = Hash(browserKey),
            Protected = _protector.Protect(JsonSerializer.Serialize(fields)),
            ExpiresAt = now + KeepFor,
        };
        db.KeptArticleForms.Add(row);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.Cookies.Append(BrowserCookie, browserKey, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/admin", MaxAge = KeepFor, IsEssential = true,
        });
        log.LogInformation("Kept an article form posted to {Page} after its sign-in expired, until {ExpiresAt}", page, row.ExpiresAt);
        return $"{request.PathBase}{request.Path}{QueryString.Create(QueryName, row.Id)}";
    }

    /// <summary>The fields kept under <paramref name="id"/> for this browser; null when unknown, expired or another browser's.</summary>
    public async Task<Dictionary<string, string?[]>?> OpenAsync(HttpContext http, string id, CancellationToken ct)
    {
        if (id.Length != KeptArticleForm.IdLength || http.Request.Cookies[BrowserCookie] is not { Length: > 0 } browserKey) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(browserKey);
        var row = await db.KeptArticleForms.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.ExpiresAt > now && f.BrowserKeyHash == hash, ct);
        if (row is null) return null;
        try { return JsonSerializer.Deserialize<Dictionary<string, string?[]>>(_protector.Unprotect(row.Protected)); }
        catch (CryptographicException) { return null; }
    }

    private static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin") return false;
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static string NewKey(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
