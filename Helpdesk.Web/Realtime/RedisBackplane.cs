using Helpdesk.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// The optional SignalR Redis backplane of /hubs/tickets, on when <c>Redis:Configuration</c> is set:
/// a send to a user, a group or everyone then reaches connections held by any server. Event
/// deliveries do not depend on it (each server gets every event through the PostgreSQL relay and
/// writes to its own connections), so a Redis outage never blocks start-up, a write or an event.
/// Holds the backplane's own Redis connection for /health.
/// </summary>
public sealed class RedisBackplane
{
    public const string ConfigurationKey = "Redis:Configuration";
    public const string ChannelPrefix = "helpdesk";

    private volatile IConnectionMultiplexer? _connection;

    /// <summary>Null until SignalR first connects (it does so at start-up, without waiting).</summary>
    public IConnectionMultiplexer? Connection => _connection;

    internal static void AddTo(IServiceCollection services, ISignalRServerBuilder signalR, string configuration)
    {
        var backplane = new RedisBackplane();
        services.AddSingleton(backplane);
        signalR.AddStackExchangeRedis(configuration, o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
            // Start (and keep retrying in the background) while Redis is unreachable.
            o.Configuration.AbortOnConnectFail = false;
            o.ConnectionFactory = async log => backplane._connection = await ConnectionMultiplexer.ConnectAsync(o.Configuration, log);
        });
        // Only /hubs/tickets goes through Redis. Blazor's circuits stay on the in-process manager:
        // they are sticky anyway, and through Redis every new circuit would wait for Redis to answer.
        services.AddSingleton(typeof(HubLifetimeManager<>), typeof(DefaultHubLifetimeManager<>));
        // A new connection is not held up by a Redis outage (RedisJoinGuard).
        services.AddSingleton<RedisHubLifetimeManager<TicketsHub>>();
        services.AddSingleton<HubLifetimeManager<TicketsHub>, RedisJoinGuard<TicketsHub>>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
    }
}
