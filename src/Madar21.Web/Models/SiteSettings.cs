namespace Madar21.Web.Models;

/// <summary>Site-wide settings an Admin changes in the admin area: one row (<see cref="TheId"/>).</summary>
public class SiteSettings
{
    public const int TheId = 1;
    public const int HijriOffsetLimit = 2;

    public int Id { get; set; } = TheId;

    /// <summary>
    /// Days added to the Umm al-Qura date (−2…+2): Morocco's Hijri calendar follows its own sighting of the new moon,
    /// often a day behind the computed one.
    /// </summary>
    public int HijriOffsetDays { get; set; }
}
