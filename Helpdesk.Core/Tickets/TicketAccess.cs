using System.Linq.Expressions;
using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// Who may see which ticket: the one rule, as a query filter for the database and as a test of an
/// event's row in memory. Requesters see their own; staff see their teams' tickets, those
/// assigned to them and those they collaborate on; admins see all.
/// </summary>
public static class TicketAccess
{
    public static Expression<Func<Ticket, bool>> VisibleTo(Caller caller)
    {
        if (caller.IsAdmin) return _ => true;
        var uid = caller.UserId;
        if (!caller.IsStaff) return t => t.RequesterId == uid;
        var teams = caller.TeamIds.ToArray();
        return t => t.RequesterId == uid || t.AssigneeId == uid || teams.Contains(t.TeamId)
                    || t.Collaborators.Any(c => c.UserId == uid);
    }

    public static bool CanSee(Caller caller, TicketRow row) =>
        caller.IsAdmin
        || row.RequesterId == caller.UserId
        || (caller.IsStaff && (row.AssigneeId == caller.UserId || caller.TeamIds.Contains(row.TeamId)
                               || row.CollaboratorIds.Contains(caller.UserId)));

    /// <summary>Only staff work tickets (assign, escalate, notes); a requester may reply, confirm or reopen their own.</summary>
    public static bool CanWork(Caller caller, TicketRow row) => caller.IsStaff && CanSee(caller, row);
}
