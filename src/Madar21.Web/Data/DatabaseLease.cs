using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Data;

/// <summary>
/// A job only one node may run at a time, held as a row of <c>Leases</c> (<see cref="Models.Lease"/>) in the database
/// every node shares. Taking it is one portable statement (an upsert that only replaces an expired lease or one's
/// own), so two nodes asking at the same moment cannot both get it, on SQLite or PostgreSQL alike.
/// </summary>
public sealed class DatabaseLease(string name, TimeSpan duration, TimeProvider clock)
{
    /// <summary>This node, as the lease names it: the machine and a random id per process start.</summary>
    public string Holder { get; } = Cut($"{Environment.MachineName}/{Guid.NewGuid():N}");

    // The column holds 64 characters: the random end is what tells two processes apart.
    private static string Cut(string holder) => holder.Length <= 64 ? holder : holder[^64..];

    public TimeSpan Duration => duration;

    /// <summary>Takes the lease, or extends it when this node holds it already; false while another node holds it.</summary>
    public async Task<bool> TryTakeAsync(MadarDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Leases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, {Holder}, {until})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "Leases"."ExpiresAt" < {now} OR "Leases"."Holder" = {Holder}
            """, ct);
        return taken == 1;
    }

    /// <summary>Who holds it now (for the log of a node that skips), or null.</summary>
    public Task<string?> HolderAsync(MadarDb db, CancellationToken ct) =>
        db.Leases.AsNoTracking().Where(l => l.Name == name).Select(l => l.Holder).FirstOrDefaultAsync(ct);

    /// <summary>Gives the lease back at once (a node that dies instead lets it expire).</summary>
    public Task ReleaseAsync(MadarDb db, CancellationToken ct) =>
        db.Leases.Where(l => l.Name == name && l.Holder == Holder).ExecuteDeleteAsync(ct);
}
