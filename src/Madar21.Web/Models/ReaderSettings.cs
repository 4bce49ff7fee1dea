namespace Madar21.Web.Models;

/// <summary>
/// What readers see that staff set in the admin area, one row (<see cref="TheId"/>): the Hijri correction (Admins)
/// and the «عاجل» line (editors). Every change is site-wide: it evicts every cached page.
/// </summary>
public class ReaderSettings
{
    public const int TheId = 1;
    public const int HijriOffsetLimit = 2;

    public int Id { get; set; } = TheId;

    /// <summary>
    /// Days added to the Umm al-Qura date (−2…+2): Morocco's Hijri calendar follows its own sighting of the new moon,
    /// often a day behind the computed one.
    /// </summary>
    public int HijriOffsetDays { get; set; }

    public const int BreakingTextMaxLength = 200;

    /// <summary>«عاجل»: the line shown at the top of every public page until <see cref="BreakingExpiresAt"/>; null when there is none.</summary>
    public string? BreakingText { get; set; }

    /// <summary>The article the line links to (its site path), if any.</summary>
    public string? BreakingUrl { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? BreakingExpiresAt { get; set; }

    public bool ShowsBreakingAt(DateTime utcNow) =>
        !string.IsNullOrEmpty(BreakingText) && BreakingExpiresAt is { } expires && expires > utcNow;
}
