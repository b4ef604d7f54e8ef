using System.Collections.Immutable;
using Helpdesk.Core.Events;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Wall;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Wall;

/// <summary>One combination of what the wall counts; open tickets are counted per key.</summary>
public readonly record struct WallCellKey(TicketStatus Status, Priority Priority, bool Unassigned, SlaState Sla)
{
    public bool Waiting => Unassigned && Status != TicketStatus.Pending;
    public bool Urgent => Sla is SlaState.AtRisk or SlaState.Breached;
}

public enum WallHighlightKind { NewP1, Breach }

/// <summary>A new P1 or a breach, shown for a moment; <see cref="Sequence"/> tells one from the next.</summary>
public sealed record WallHighlight(WallHighlightKind Kind, WallTicket Ticket, long Sequence);

/// <summary>
/// A wall display's live figures. Everything here is bounded: counts per <see cref="WallCellKey"/>
/// (at most 8 × 5 × 2 × 6), 24 hours of trend, the first <see cref="WallQueries.ListCap"/> waiting and
/// SLA tickets, the display's agents and one highlight. Events change it in memory; nothing grows per event.
/// </summary>
[FeatureState]
public sealed record WallState
{
    /// <summary>Events buffered during a load beyond this mean the load is stale anyway: drop them and load again.</summary>
    public const int BufferCap = 2000;

    public string? Key { get; init; }
    /// <summary>Null until loaded, and when the key opens nothing.</summary>
    public WallAccess? Display { get; init; }
    public bool Loading { get; init; } = true;
    public bool Refused { get; init; }
    public long LoadRequest { get; init; }
    public long AsOfSequence { get; init; }
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
    public DateTime DayStartUtc { get; init; }
    public ImmutableDictionary<WallCellKey, int> Open { get; init; } = ImmutableDictionary<WallCellKey, int>.Empty;
    public ImmutableList<WallTicket> Waiting { get; init; } = [];
    public ImmutableList<WallTicket> Sla { get; init; } = [];
    public ImmutableArray<int> CreatedByHour { get; init; } = [.. new int[24]];
    public ImmutableArray<int> ResolvedByHour { get; init; } = [.. new int[24]];
    public ImmutableHashSet<int> AgentIds { get; init; } = [];
    public int AgentsOnline { get; init; }
    public ImmutableList<TicketEvent> Buffered { get; init; } = [];
    /// <summary>The figures cannot be kept right from events alone (a list ran dry): load again.</summary>
    public bool NeedsReload { get; init; }
    public WallHighlight? Highlight { get; init; }

    public int Count(Func<WallCellKey, bool> which) => Open.Where(c => which(c.Key)).Sum(c => c.Value);
    public int TotalOpen => Open.Values.Sum();
    public int Unassigned => Count(k => k.Unassigned);
    public int WaitingCount => Count(k => k.Waiting);
    public int Breached => Count(k => k.Sla == SlaState.Breached);
    public int AtRisk => Count(k => k.Sla == SlaState.AtRisk);
    public int ByStatus(TicketStatus s) => Count(k => k.Status == s);
    public int ByPriority(Priority p) => Count(k => k.Priority == p);
    public int CreatedToday => CreatedByHour.Sum();
    public int ResolvedToday => ResolvedByHour.Sum();
}
