using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Realtime;

namespace Helpdesk.Web.Features.Dashboard;

// The queue's actions: small records, named for what is asked or what happened.

/// <summary>The dashboard opened for this agent with this view.</summary>
public sealed record InitQueue(Caller Caller, QueueQuery Query);

/// <summary>The agent changed view, filter, search, sort or page.</summary>
public sealed record ChangeQuery(QueueQuery Query);

/// <summary>A load finished: the page and counters as of one event sequence.</summary>
public sealed record QueueLoaded(long LoadRequest, QueueSnapshot Snapshot);

/// <summary>A committed change to a ticket this agent may see (or just lost sight of).</summary>
public sealed record TicketChanged(TicketEvent Event);

/// <summary>Start holding back row moves (agent active in the table), or stop and apply them.</summary>
public sealed record HoldUpdates(bool Hold);

/// <summary>The highlight of a changed row is over.</summary>
public sealed record FlashEnded(int TicketId);

/// <summary>Someone opened, left or started typing on a ticket.</summary>
public sealed record PresenceChanged(IReadOnlyDictionary<int, IReadOnlyList<PresenceEntry>> ByTicket);
