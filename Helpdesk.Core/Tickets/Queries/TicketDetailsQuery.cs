using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>One ticket's page. Requesters never get internal entries or the audit trail.</summary>
public sealed class TicketDetailsQuery(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public async Task<TicketDetails?> GetAsync(Caller caller, int number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.CustomFields)
            .Where(TicketAccess.VisibleTo(caller)).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return null;
        var row = await TicketRows.For(db).SingleAsync(r => r.Id == ticket.Id, ct);
        var requester = await db.Users.Where(u => u.Id == ticket.RequesterId).Select(u => new { u.Email, u.Location }).SingleAsync(ct);
        var staff = caller.IsStaff;

        var conversation = await (from c in db.Comments
                                  where c.TicketId == ticket.Id && (staff || !c.IsInternal)
                                  join u in db.Users on c.AuthorId equals u.Id into authors
                                  from u in authors.DefaultIfEmpty()
                                  orderby c.CreatedAt, c.Id
                                  select new ConversationEntry(c.Id, c.Kind, c.IsInternal, c.AuthorId, u == null ? "Helpdesk" : u.DisplayName, c.Body, c.CreatedAt))
                                 .ToListAsync(ct);

        var visible = db.Tickets.Where(TicketAccess.VisibleTo(caller));
        var outgoing = from l in db.Links
                       where l.FromTicketId == ticket.Id
                       join o in visible on l.ToTicketId equals o.Id
                       select new LinkEntry(l.Kind, true, o.Number, o.Subject, o.Status);
        var incoming = from l in db.Links
                       where l.ToTicketId == ticket.Id
                       join o in visible on l.FromTicketId equals o.Id
                       select new LinkEntry(l.Kind, false, o.Number, o.Subject, o.Status);
        List<LinkEntry> links = [.. await outgoing.ToListAsync(ct), .. await incoming.ToListAsync(ct)];

        var audit = staff
            ? await (from a in db.Audit
                     where a.TicketId == ticket.Id
                     join u in db.Users on a.ActorId equals u.Id into actors
                     from u in actors.DefaultIfEmpty()
                     orderby a.Id
                     select new AuditLine(a.At, u == null ? null : u.DisplayName, a.Field, a.OldValue, a.NewValue)).ToListAsync(ct)
            : [];

        var collaborators = staff ? await CollaboratorsAsync(db, ticket.Id, ct) : [];

        // The timeline is the status column of the audit: safe for requesters (no internal detail).
        var statusChanges = await db.Audit.AsNoTracking()
            .Where(a => a.TicketId == ticket.Id && a.Field == nameof(Ticket.Status))
            .OrderBy(a => a.Id).Select(a => new { a.At, a.NewValue }).ToListAsync(ct);
        List<StatusStep> history = [new(ticket.CreatedAt, TicketStatus.New),
            .. statusChanges.Select(s => new StatusStep(s.At, Enum.Parse<TicketStatus>(s.NewValue!)))];
        if (history[^1].Status != ticket.Status) history.Add(new(ticket.UpdatedAt, ticket.Status));

        return new TicketDetails(row, ticket.Description, ticket.System, ticket.Impact, ticket.Urgency,
            staff ? ticket.PriorityOverrideReason : null, ticket.Resolution, ticket.RejectionReason,
            ticket.FirstRespondedAt, ticket.ResolvedAt, requester.Email, requester.Location,
            Fields.TicketFieldValues.AsText(ticket.CustomFields), conversation, links, audit,
            staff ? TicketTransitions.From(ticket.Status) : [], history) { Collaborators = collaborators };
    }

    private static async Task<List<CollaboratorEntry>> CollaboratorsAsync(HelpdeskDbContext db, int ticketId, CancellationToken ct)
    {
        var followers = await (from c in db.Collaborators
                               where c.TicketId == ticketId
                               join u in db.Users on c.UserId equals u.Id
                               join b in db.Users on c.AddedById equals b.Id into adders
                               from b in adders.DefaultIfEmpty()
                               orderby c.AddedAt, u.DisplayName
                               select new { c.UserId, u.DisplayName, AddedBy = b == null ? null : b.DisplayName, c.AddedAt }).ToListAsync(ct);
        var ids = followers.Select(f => f.UserId).ToList();
        var teams = await Collaboration.TeamNamesAsync(db, ids, ct);
        return [.. followers.Select(f => new CollaboratorEntry(f.UserId, f.DisplayName, string.Join(", ", teams[f.UserId]), f.AddedBy, f.AddedAt))];
    }
}
