namespace Madar21.Web.Models;

/// <summary>
/// An editor's choice for the home page: the lead story (<see cref="LeadPosition"/>) or a featured one (1, 2, …),
/// until <see cref="ExpiresAt"/> if set. A pin whose time has passed, or whose article is no longer public, is
/// ignored and its place goes to the newest article (<c>FrontPageLoader</c>).
/// </summary>
public class FrontPin
{
    public const int LeadPosition = 0;

    /// <summary>The key: one article per place.</summary>
    public int Position { get; set; }

    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>UTC; null: until an editor changes it.</summary>
    public DateTime? ExpiresAt { get; set; }

    public bool InForceAt(DateTime utcNow) => ExpiresAt is not { } end || end > utcNow;
}
