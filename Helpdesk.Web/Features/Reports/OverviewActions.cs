using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Reports;

namespace Helpdesk.Web.Features.Reports;

/// <summary>Load (or reload) the overview's figures for the caller.</summary>
public sealed record LoadOverview(Caller Caller);

/// <summary>A load finished; <paramref name="Figures"/> is null when the caller may not read reports.</summary>
public sealed record OverviewLoaded(long LoadRequest, LiveOverview? Figures, DateTime At);

/// <summary>A committed change that moves an overview figure (created, status, assignment, tier, priority, first reply, breach).</summary>
public sealed record OverviewTicketChanged(Caller Caller, TicketEvent Event);
