namespace Madar21.Web.Models;

/// <summary>
/// An article form posted after its writer's sign-in had expired, kept until they sign in again (see
/// <see cref="Revisions.KeptArticleForms"/>). The fields are encrypted with Data Protection; the row is found by a
/// random id carried through the sign-in's return address, and opened only by the browser that posted it.
/// </summary>
public class KeptArticleForm
{
    public const int IdLength = 32;

    public required string Id { get; set; }

    /// <summary>SHA-256 (hex) of the random key in the posting browser's cookie.</summary>
    public required string BrowserKeyHash { get; set; }

    /// <summary>The posted fields as JSON, protected.</summary>
    public required string Protected { get; set; }

    /// <summary>UTC; past it the form is gone (the pruning worker deletes it).</summary>
    public DateTime ExpiresAt { get; set; }
}
