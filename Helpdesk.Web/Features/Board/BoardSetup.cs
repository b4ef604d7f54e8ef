using Helpdesk.Core.Routing;
using Helpdesk.Web.Realtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Helpdesk.Web.Features.Board;

public static class BoardSetup
{
    /// <summary>
    /// What the board and automatic distribution need from the web app: who is online (circuits,
    /// answering routing's <see cref="IOnlineAgents"/>) and the escalation clock.
    /// </summary>
    public static IServiceCollection AddHelpdeskBoard(this IServiceCollection services)
    {
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<IOnlineAgents>(sp => sp.GetRequiredService<AgentPresence>());
        services.AddScoped<CircuitHandler, AgentCircuitHandler>();
        services.AddHostedService<EscalationService>();
        return services;
    }
}
