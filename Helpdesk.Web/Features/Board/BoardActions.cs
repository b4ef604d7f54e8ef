using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Web.Features.Board;

// The board's actions: small records, named for what is asked or what happened.

/// <summary>The board opened for this lead or admin, with the teams they may show and the filter to start with.</summary>
public sealed record InitBoard(Caller Caller, IReadOnlyList<TeamOption> Teams, BoardFilter Filter);

/// <summary>Other teams, tiers, priorities or categories.</summary>
public sealed record ChangeBoardFilter(BoardFilter Filter);

/// <summary>A load finished: agents, cards and loads as of one event sequence, and who was online then.</summary>
public sealed record BoardLoaded(long LoadRequest, BoardSnapshot Snapshot, IReadOnlySet<int> Online);

/// <summary>A committed change to a ticket this person may see (or just lost sight of): cards follow it.</summary>
public sealed record BoardTicketChanged(TicketEvent Event);

/// <summary>A committed change to any ticket: loads follow it (the system's view; no card is shown from it).</summary>
public sealed record WorkloadChanged(TicketEvent Event);

/// <summary>An agent came online, went offline, or marked themself away or back.</summary>
public sealed record AgentPresenceChanged(int UserId, bool Online, bool? Away);

/// <summary>
/// Assign a card's ticket to an agent (null: back to the team's unassigned queue), by drag and drop
/// or its menu. <paramref name="ExpectedVersion"/> is the version the card showed when the lead picked
/// it up: if the ticket changed since, the move is refused rather than made on stale information.
/// </summary>
public sealed record MoveCard(int TicketId, int? ToAgentId, int ExpectedVersion);

/// <summary>The assignment was saved; the row is the ticket after it.</summary>
public sealed record CardMoved(int TicketId, TicketRow Row);

/// <summary>The server refused the move (the ticket changed meanwhile, or the agent is not in its team): the card goes back.</summary>
public sealed record CardMoveRefused(int TicketId, string Message);

/// <summary>The highlight of a changed card is over.</summary>
public sealed record CardFlashEnded(int TicketId);
