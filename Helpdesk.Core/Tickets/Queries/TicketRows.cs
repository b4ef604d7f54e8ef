using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>The list-row projection, shared by queues, details and event snapshots.</summary>
public static class TicketRows
{
    public static IQueryable<TicketRow> For(HelpdeskDbContext db) => Project(db, db.Tickets.AsNoTracking());

    /// <summary>Filter <paramref name="tickets"/> first (so indexes apply), then project.</summary>
    public static IQueryable<TicketRow> Project(HelpdeskDbContext db, IQueryable<Ticket> tickets) =>
        from t in tickets
        join r in db.Users on t.RequesterId equals r.Id
        join c in db.Categories on t.CategoryId equals c.Id
        join tm in db.Teams on t.TeamId equals tm.Id
        join a in db.Users on t.AssigneeId equals a.Id into assignees
        from a in assignees.DefaultIfEmpty()
        select new TicketRow
        {
            Id = t.Id,
            Number = t.Number,
            Subject = t.Subject,
            RequesterId = t.RequesterId,
            RequesterName = r.DisplayName,
            RequesterDepartment = r.Department,
            CategoryId = t.CategoryId,
            CategoryName = c.Name,
            Channel = t.Channel,
            Priority = t.Priority,
            Status = t.Status,
            Tier = t.Tier,
            TeamId = t.TeamId,
            TeamName = tm.Name,
            AssigneeId = t.AssigneeId,
            AssigneeName = a == null ? null : a.DisplayName,
            CreatedAt = t.CreatedAt,
            UpdatedAt = t.UpdatedAt,
            IsOpen = t.IsOpen,
            IsArchived = t.IsArchived,
            Version = t.Version,
            FirstResponseDueAt = t.FirstResponseDueAt,
            ResolutionDueAt = t.ResolutionDueAt,
            SlaDueAt = t.SlaDueAt,
            SlaState = t.SlaState,
            CollaboratorIds = t.Collaborators.OrderBy(c => c.UserId).Select(c => c.UserId).ToList(),
        };
}
