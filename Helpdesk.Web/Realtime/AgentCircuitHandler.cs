using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Helpdesk.Web.Realtime;

/// <summary>Tells <see cref="AgentPresence"/> when a signed-in person's circuit connects and disconnects.</summary>
internal sealed class AgentCircuitHandler(AgentPresence presence, AuthenticationStateProvider auth) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) presence.Connected(circuit.Id, id);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Disconnected(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Disconnected(circuit.Id);
        return Task.CompletedTask;
    }
}
