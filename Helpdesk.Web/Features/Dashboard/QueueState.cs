using System.Collections.Immutable;
using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Realtime;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Dashboard;

/// <summary>The agent's live queue: one page of rows, the view's counters, and changes held back while the agent works in the table.</summary>
[FeatureState]
public sealed record QueueState
{
    public Caller? Caller { get; init; }
    public QueueQuery Query { get; init; } = new() { View = QueueView.MyTeams };
    public bool Loading { get; init; } = true;
    /// <summary>Bumped by each load request; a slower, older load that answers late is ignored.</summary>
    public long LoadRequest { get; init; }
    /// <summary>The last event the loaded page already reflects; older events are ignored.</summary>
    public long AsOfSequence { get; init; }
    public ImmutableList<TicketRow> Rows { get; init; } = [];
    public int Total { get; init; }
    public ImmutableDictionary<TicketStatus, int> ByStatus { get; init; } = ImmutableDictionary<TicketStatus, int>.Empty;
    public ImmutableDictionary<Priority, int> ByPriority { get; init; } = ImmutableDictionary<Priority, int>.Empty;
    /// <summary>Events that arrived while a page was loading; replayed onto it.</summary>
    public ImmutableList<TicketEvent> Buffered { get; init; } = [];
    /// <summary>True while the agent is typing or moving in the table: rows do not move under them.</summary>
    public bool Holding { get; init; }
    /// <summary>Changes that would add, drop or move rows, waiting for "show" or for the agent to be idle.</summary>
    public ImmutableList<TicketEvent> Held { get; init; } = [];
    /// <summary>Rows changed a moment ago (briefly highlighted).</summary>
    public ImmutableHashSet<int> Flashing { get; init; } = [];
    /// <summary>Who has which ticket open, by ticket number.</summary>
    public ImmutableDictionary<int, IReadOnlyList<PresenceEntry>> Presence { get; init; } = ImmutableDictionary<int, IReadOnlyList<PresenceEntry>>.Empty;

    /// <summary>How many distinct tickets have held changes (the "3 updates - show" chip).</summary>
    public int HeldTickets => Held.Select(e => e.Row.Id).Distinct().Count();
}
