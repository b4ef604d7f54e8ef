using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Web.Hosting;

/// <summary>/health: healthy only when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<HelpdeskDbContext> dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            await db.Tickets.AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Database unavailable: " + ex.GetBaseException().Message);
        }
    }
}
