namespace Madar21.Web.Models;

/// <summary>
/// A named job that one node at a time may run (the seed import), held until <see cref="ExpiresAt"/> unless renewed:
/// a row in the shared database works alike on every engine, and a node that dies lets it go by itself.
/// </summary>
public class Lease
{
    public const int NameMaxLength = 100;

    public required string Name { get; set; }

    /// <summary>Who holds it: a random id per process, written to the log beside the skip.</summary>
    public required string Holder { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
}
