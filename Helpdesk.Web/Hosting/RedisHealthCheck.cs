using Helpdesk.Web.Realtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Web.Hosting;

/// <summary>
/// /health with the Redis backplane configured: Redis unreachable is "degraded", never "unhealthy",
/// because live updates still cross servers through PostgreSQL; a load balancer keeps the server.
/// </summary>
internal sealed class RedisHealthCheck(RedisBackplane backplane) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(backplane.Connection is { IsConnected: true }
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis backplane unreachable; live updates still cross servers through PostgreSQL"));
}
