using System.Security.Cryptography;
using System.Text;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Comments;

/// <summary>
/// The one place that handles a commenter's email address: encrypted at rest with Data Protection (a purpose
/// string of its own), plus a keyed hash (HMAC-SHA256) of the normalised address so that duplicates and one
/// person's comments can be found without decrypting. A plain hash would be a Gravatar-style identifier that
/// anyone could compute from the address; the HMAC key is a random secret kept encrypted in the database.
/// </summary>
public sealed class EmailProtector(IDataProtectionProvider provider, IServiceScopeFactory scopes)
{
    private const string HashKeyName = "comments.email-hmac-key";
    private readonly IDataProtector _emails = provider.CreateProtector("Madar21.Comments.Email.v1");
    private readonly IDataProtector _secrets = provider.CreateProtector("Madar21.SiteSecrets.v1");
    private byte[]? _hashKey;

    public static string Normalize(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    public string Protect(string email) => _emails.Protect(email.Trim());

    public string Unprotect(string protectedEmail) => _emails.Unprotect(protectedEmail);

    public string Hash(string email) =>
        Convert.ToHexString(HMACSHA256.HashData(_hashKey ??= LoadOrCreateHashKey(), Encoding.UTF8.GetBytes(Normalize(email))));

    private byte[] LoadOrCreateHashKey()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        var stored = db.SiteSecrets.AsNoTracking().FirstOrDefault(s => s.Name == HashKeyName);
        if (stored is not null)
            return Convert.FromBase64String(_secrets.Unprotect(stored.ProtectedValue));

        var key = RandomNumberGenerator.GetBytes(32);
        db.SiteSecrets.Add(new SiteSecret { Name = HashKeyName, ProtectedValue = _secrets.Protect(Convert.ToBase64String(key)) });
        try
        {
            db.SaveChanges();
            return key;
        }
        catch (DbUpdateException)
        {
            // Another process made it first: use theirs.
            var theirs = db.SiteSecrets.AsNoTracking().First(s => s.Name == HashKeyName);
            return Convert.FromBase64String(_secrets.Unprotect(theirs.ProtectedValue));
        }
    }
}
