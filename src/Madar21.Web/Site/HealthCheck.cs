using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site;

public static class HealthCheck
{
    /// <summary>200 when a real query reaches the database, 503 otherwise (for load balancers and uptime checks).</summary>
    public static async Task<IResult> RespondAsync(MadarDb db, ILogger<MadarDb> log, CancellationToken ct)
    {
        try
        {
            await db.Sections.AsNoTracking().AnyAsync(ct);
            return Results.Text("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Health check could not reach the database");
            return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
