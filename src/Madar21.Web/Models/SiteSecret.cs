namespace Madar21.Web.Models;

/// <summary>A secret the site makes for itself on first use (e.g. the email HMAC key), stored encrypted with Data Protection.</summary>
public class SiteSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
}
