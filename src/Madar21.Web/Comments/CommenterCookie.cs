using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Comments;

/// <summary>What «احفظ اسمي وبريدي الإلكتروني وموقعي…» keeps for the next comment.</summary>
public sealed record RememberedCommenter(string Author, string Email, string? Url);

/// <summary>
/// The remember-me cookie: only when the commenter ticks the box, encrypted with Data Protection (never readable
/// in the browser or on the wire), HttpOnly, SameSite=Lax, Secure over HTTPS. Its path is limited to the article
/// pages, the only ones that use it, so that the rest of the site stays cacheable for this reader.
/// </summary>
public sealed class CommenterCookie(IDataProtectionProvider provider, TimeProvider clock, IOptions<CommentsOptions> options)
{
    public const string Name = "madar21_commenter";
    private const string CookiePath = "/article";
    private readonly IDataProtector _protector = provider.CreateProtector("Madar21.Comments.RememberedCommenter.v1");

    public RememberedCommenter? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<RememberedCommenter>(_protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null; // from an older key ring, or tampered with: as if absent
        }
    }

    public void Remember(HttpResponse response, RememberedCommenter commenter) =>
        response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(commenter)),
            Options(response.HttpContext.Request, clock.GetUtcNow().AddDays(options.Value.RememberDays)));

    public void Forget(HttpRequest request, HttpResponse response)
    {
        if (request.Cookies.ContainsKey(Name))
            response.Cookies.Delete(Name, Options(request, expires: null));
    }

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        Path = CookiePath,
        Expires = expires,
        IsEssential = true, // set only because the reader asked for it
    };
}
