namespace Helpdesk.Web.Realtime;

public static class RealtimeSetup
{
    public static void AddHelpdeskRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration[RedisBackplane.ConfigurationKey] is { Length: > 0 } redis) RedisBackplane.AddTo(services, signalR, redis);
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubWatchers>();
        services.AddScoped<PresenceCircuit>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, PresenceCircuitHandler>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddHostedService<HubFanOut>();
        services.AddHostedService<HubAccess>();
        // PostgreSQL: events committed by other servers reach this one's fan-out (does nothing on SQLite).
        services.AddHostedService<Helpdesk.Core.Events.EventRelay>();
        // PostgreSQL: presence (viewers, typing, online) shared with the other servers. The sender is
        // registered first so it stops last, after the relay's goodbye.
        services.AddOptions<PresenceOptions>().Bind(configuration.GetSection(PresenceOptions.Section));
        services.AddHostedService(sp => sp.GetRequiredService<Helpdesk.Core.Servers.ServerMessages>());
        services.AddHostedService<PresenceRelay>();
    }

    public static void MapHelpdeskRealtime(this WebApplication app) => app.MapHub<TicketsHub>(TicketsHub.Url);
}
