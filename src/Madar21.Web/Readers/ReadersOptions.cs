namespace Madar21.Web.Readers;

/// <summary>Bound from the "Readers" configuration section.</summary>
public sealed class ReadersOptions
{
    public const string SectionName = "Readers";

    /// <summary>How often the reads counted in memory are written to the database.</summary>
    public TimeSpan ViewFlushInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often «الأكثر قراءة» is computed again (after a flush); pages are evicted only when it changed.</summary>
    public TimeSpan MostReadRefresh { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The window «الأكثر قراءة» covers.</summary>
    public TimeSpan MostReadWindow { get; set; } = TimeSpan.FromHours(24);

    public int MostReadCount { get; set; } = 5;

    /// <summary>
    /// Whether reads are counted at all. Default true; false only to measure what counting costs (tests/bench):
    /// «الأكثر قراءة» then stays as the database last had it.
    /// </summary>
    public bool CountViews { get; set; } = true;
}
