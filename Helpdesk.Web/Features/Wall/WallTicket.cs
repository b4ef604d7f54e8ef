using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Wall;

namespace Helpdesk.Web.Features.Wall;

/// <summary>
/// A ticket as a wall may show it: no requester at all, and the subject only when the display
/// allows it. Rows are cut down to this at the door, so nothing else can reach the screen.
/// </summary>
public sealed record WallTicket(int Id, string Number, string? Subject, Priority Priority, TicketStatus Status,
    string TeamName, DateTime CreatedAt, DateTime SlaDue, SlaState SlaState)
{
    public static WallTicket From(TicketRow row, bool showSubject) => new(row.Id, row.DisplayNumber,
        showSubject ? row.Subject : null, row.Priority, row.Status, row.TeamName, row.CreatedAt, WallQueries.SlaDue(row), row.SlaState);
}
