using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <param name="AssignToSelf">An agent logging a call takes it at once.</param>
/// <param name="ParentNumber">Makes the new ticket a follow-up of a larger job.</param>
public sealed record CreateTicket(NewTicketData Data, bool AssignToSelf = false, int? ParentNumber = null);

/// <summary>
/// Files a ticket where routing sends it (<see cref="Router"/>: rules, else the category's default),
/// then, unless the agent took it themself, lets the team's strategy pick an available agent, and
/// plans its escalation due times, all in the one transaction.
/// </summary>
public sealed class CreateTicketHandler(TicketWriter writer, Router router, Fields.FieldCatalog fields) : ITicketCommandHandler<CreateTicket>
{
    public const int SubjectMax = 200;
    public const int DescriptionMax = 20_000;

    public Task<Result<TicketRow>> HandleAsync(Caller caller, CreateTicket command, CancellationToken ct = default) =>
        writer.ExecuteAsync(nameof(CreateTicket), caller, w => CreateAsync(w, command, ct), ct);

    /// <summary>The creation itself, inside a unit of work another command may share (mail intake records its message in the same transaction).</summary>
    public async Task<Result<Ticket>> CreateAsync(TicketWork w, CreateTicket command, CancellationToken ct)
    {
        var caller = w.Caller;
        // A requester always files for themself, whatever the form said.
        var data = caller.IsStaff ? command.Data : command.Data with { RequesterId = caller.UserId };
        var errors = new FieldErrors();
        errors.Required(nameof(data.Subject), data.Subject, w.T("Enter a subject."));
        errors.MaxLength(nameof(data.Subject), data.Subject, SubjectMax, w.T("Keep the subject under {0} characters.", SubjectMax));
        errors.Required(nameof(data.Description), data.Description, w.T("Describe the problem or request."));
        errors.MaxLength(nameof(data.Description), data.Description, DescriptionMax, w.T("Keep the description under {0} characters.", DescriptionMax));
        if (!Enum.IsDefined(data.Impact)) errors.Add(nameof(data.Impact), w.T("Choose who is affected."));
        if (!Enum.IsDefined(data.Urgency)) errors.Add(nameof(data.Urgency), w.T("Choose how urgent it is."));
        if (!Enum.IsDefined(data.Channel)) errors.Add(nameof(data.Channel), w.T("Choose a channel."));

        var category = await w.Db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == data.CategoryId && c.IsActive, ct);
        if (category is null) errors.Add(nameof(data.CategoryId), w.T("Choose a category."));
        // A mail cannot fill in the form's system fields: the agent adds them when working the ticket.
        else if (category.NeedsSystemDetails && data.Channel != Channel.Email && (data.System is null || data.System.IsEmpty))
            errors.Add(nameof(data.System), w.T("Tell us which system is concerned (device, asset tag or application)."));

        var requester = await w.Db.Users.Where(u => u.Id == data.RequesterId && u.IsActive).Select(u => new { u.Department }).SingleOrDefaultAsync(ct);
        if (requester is null) errors.Add(nameof(data.RequesterId), w.T("Choose the requester."));

        // The custom fields this category (and parents) and the requester's department ask for; a mail cannot fill in required ones.
        var fieldSet = await fields.GetAsync(ct);
        var customValues = category is null ? [] : Fields.FieldValues.Read(fieldSet, fieldSet.ApplicableTo(category.Id, requester?.Department),
            data.CustomFields, errors, (key, args) => w.T(key, args), partial: data.Channel == Channel.Email);

        Ticket? parent = null;
        if (command.ParentNumber is { } p)
        {
            parent = await w.Db.Tickets.Where(TicketAccess.VisibleTo(caller)).SingleOrDefaultAsync(t => t.Number == p, ct);
            if (parent is null) errors.Add(nameof(command.ParentNumber), w.T("Ticket {0} was not found.", TicketNumber.Format(p)));
        }
        var destination = category is null ? null : await Router.DestinationAsync(w.Db, category, data.Channel, ct);
        if (command.AssignToSelf && caller.IsStaff && destination is not null
            && !await w.Db.TeamMembers.AnyAsync(m => m.TeamId == destination.TeamId && m.UserId == caller.UserId, ct))
        {
            var team = await w.Db.Teams.Where(t => t.Id == destination.TeamId).Select(t => t.Name).SingleAsync(ct);
            errors.Add(nameof(command.AssignToSelf), w.T("{0} handles this category and you are not in it: leave \"assign to me\" off.", team));
        }
        if (errors.Any) return w.Invalid(errors);

        var number = (await w.Db.Tickets.MaxAsync(t => (int?)t.Number, ct) ?? TicketNumber.First - 1) + 1;
        var ticket = Ticket.Create(number, data with { CustomFields = null }, destination!.TeamId, destination.Tier, w.Now);
        ticket.SetCustomFields(customValues, w.Now);
        if (command.AssignToSelf && caller.IsStaff)
        {
            ticket.Assign(caller.UserId, w.Now);
            ticket.ChangeStatus(TicketStatus.InProgress, w.Now);
        }
        w.Add(ticket);
        w.Emit(ticket, TicketEventKind.Created);
        // Saved now for its id (links, the routing note, due times); what follows is audited as changes to it.
        await w.Db.SaveChangesAsync(ct);
        if (parent is not null)
        {
            w.Db.Links.Add(new TicketLink(parent.Id, ticket.Id, LinkKind.ParentOf, caller.ActorId, w.Now));
            w.Emit(parent, TicketEventKind.Linked);
        }
        await router.AssignAsync(w, ticket, ct);
        await EscalationSchedule.PlanAsync(w, ticket, ct);
        return ticket;
    }
}
