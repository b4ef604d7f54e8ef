using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets;

/// <summary>What the collaborator commands and @mentions share: who may follow a ticket, and adding them.</summary>
internal static class Collaboration
{
    /// <summary>Active people with a staff role: the only ones who may follow a ticket or be mentioned.</summary>
    public static IQueryable<User> ActiveStaff(HelpdeskDbContext db) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && StaffRoles.Names.Contains(r.Name!))));

    /// <summary>Adds those of <paramref name="userIds"/> not yet following; one internal event if anyone was added.</summary>
    public static async Task<int> AddAsync(TicketWork w, Ticket ticket, IReadOnlyCollection<int> userIds, CancellationToken ct)
    {
        var already = await w.Db.Collaborators.Where(c => c.TicketId == ticket.Id && userIds.Contains(c.UserId)).Select(c => c.UserId).ToListAsync(ct);
        var added = userIds.Except(already).ToList();
        if (added.Count == 0) return 0;
        w.Db.Collaborators.AddRange(added.Select(id => new TicketCollaborator(ticket.Id, id, w.Caller.ActorId, w.Now)));
        w.Emit(ticket, TicketEventKind.CollaboratorsChanged, isInternal: true);
        return added.Count;
    }

    /// <summary>Each person's team names, by name: shows why a collaborator may sit outside the ticket's team.</summary>
    public static async Task<ILookup<int, string>> TeamNamesAsync(HelpdeskDbContext db, IReadOnlyCollection<int> userIds, CancellationToken ct) =>
        (await (from m in db.TeamMembers
                where userIds.Contains(m.UserId)
                join t in db.Teams on m.TeamId equals t.Id
                orderby t.Name
                select new { m.UserId, t.Name }).ToListAsync(ct))
        .ToLookup(m => m.UserId, m => m.Name);
}
