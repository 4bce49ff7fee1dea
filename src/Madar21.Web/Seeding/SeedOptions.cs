namespace Madar21.Web.Seeding;

/// <summary>Bound from the "Seeds" configuration section.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Folder of seed files. Default: the repository's <c>seeds/</c>, found from the content root upwards.</summary>
    public string? Path { get; set; }

    /// <summary>Files saved per transaction during an import.</summary>
    public int BatchSize { get; set; } = 1000;
}
