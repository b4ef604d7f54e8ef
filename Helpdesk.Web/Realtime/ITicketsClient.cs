using Helpdesk.Core.Events;

namespace Helpdesk.Web.Realtime;

/// <summary>What /hubs/tickets pushes. Clients dedupe by sequence (a connection may sit in several groups).</summary>
public interface ITicketsClient
{
    Task TicketChanged(TicketEvent e);
    Task PresenceChanged(int number, IReadOnlyList<PresenceView> present);
}

/// <summary>Presence as a client sees it.</summary>
public sealed record PresenceView(string DisplayName, bool IsStaff, bool Typing);
