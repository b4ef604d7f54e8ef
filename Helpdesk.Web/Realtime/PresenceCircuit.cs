using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// The presences opened by one circuit. Blazor keeps a disconnected circuit for minutes in case it
/// comes back; meanwhile its presences are hidden, so a closed tab stops "viewing" at once.
/// </summary>
public sealed class PresenceCircuit
{
    private readonly Lock _gate = new();
    private readonly List<PresenceTracker.Handle> _handles = [];
    private bool _connected = true;

    public void Add(PresenceTracker.Handle handle)
    {
        lock (_gate) _handles.Add(handle);
        if (!_connected) handle.Connected(false);
    }

    public void Remove(PresenceTracker.Handle handle)
    {
        lock (_gate) _handles.Remove(handle);
    }

    public void SetConnected(bool connected)
    {
        PresenceTracker.Handle[] handles;
        lock (_gate)
        {
            _connected = connected;
            handles = [.. _handles];
        }
        foreach (var h in handles) h.Connected(connected);
    }
}

/// <summary>Tells the circuit's presences when its connection goes down and comes back.</summary>
internal sealed class PresenceCircuitHandler(PresenceCircuit presences) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presences.SetConnected(false);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presences.SetConnected(true);
        return Task.CompletedTask;
    }
}
