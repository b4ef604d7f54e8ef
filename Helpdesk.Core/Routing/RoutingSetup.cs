using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Routing;

public static class RoutingSetup
{
    /// <summary>Routing, escalation and the board's reads. The web app replaces <see cref="IOnlineAgents"/> with its circuits.</summary>
    public static IServiceCollection AddHelpdeskRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section));
        services.AddSingleton<IOnlineAgents, NobodyOnline>();
        services.AddSingleton<Router>();
        services.AddSingleton<EscalationSchedule>();
        services.AddSingleton<EscalationProcessor>();
        services.AddSingleton<RoutingSettings>();
        services.AddSingleton<BoardQueries>();
        services.AddSingleton<People.Availability>();
        return services;
    }
}
