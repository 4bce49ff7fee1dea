using System.Text.Json.Serialization;
using Madar21.Web.Data;
using Madar21.Web.Site.Cluster;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site;

public static class HealthCheck
{
    /// <summary>The answer of /healthz: each dependency "up" or "down"; Redis only where it is configured.</summary>
    public sealed record Report(string Status, string Database, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Redis);

    /// <summary>
    /// For load balancers and uptime checks: 200 when a real query reaches the database and Redis (when configured)
    /// answers a ping, 503 otherwise. A node whose Redis is down still serves pages (uncached); the 503 says that it
    /// runs degraded. The answer names no host, address or secret.
    /// </summary>
    public static async Task<IResult> RespondAsync(MadarDb db, ILogger<MadarDb> log, IServiceProvider services, CancellationToken ct)
    {
        var database = await DatabaseAnswersAsync(db, log, ct);
        bool? redis = services.GetService<RedisLink>() is { } link ? await link.PingAsync() : null;
        var healthy = database && redis != false;
        var report = new Report(healthy ? "ok" : "degraded", State(database), redis is { } up ? State(up) : null);
        return Results.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static string State(bool up) => up ? "up" : "down";

    private static async Task<bool> DatabaseAnswersAsync(MadarDb db, ILogger log, CancellationToken ct)
    {
        try
        {
            await db.Sections.AsNoTracking().AnyAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Health check could not reach the database");
            return false;
        }
    }
}
