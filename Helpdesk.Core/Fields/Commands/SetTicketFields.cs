using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Fields.Commands;

/// <summary>
/// Staff change custom field values of a ticket (the workspace, the API's PATCH). Only the keys
/// given change; an empty text clears a field. Values are checked against the fields that apply to
/// the ticket's category and requester's department, exactly as on a new ticket.
/// </summary>
public sealed record SetTicketFields(int Number, IReadOnlyDictionary<string, string> Values, int? ExpectedVersion = null);

public sealed class SetTicketFieldsHandler(TicketWriter writer, FieldCatalog catalog) : ITicketCommandHandler<SetTicketFields>
{
    public async Task<Result<TicketRow>> HandleAsync(Caller caller, SetTicketFields command, CancellationToken ct = default)
    {
        var fields = await catalog.GetAsync(ct);
        return await writer.UpdateAsync(nameof(SetTicketFields), caller, command.Number, command.ExpectedVersion, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            if (ticket.IsArchived) return w.Invalid("CustomFields", w.T("{0} is archived and can no longer change.", TicketNumber.Format(ticket.Number)));
            await w.Db.Entry(ticket).Collection(t => t.CustomFields).LoadAsync(ct);
            var department = await w.Db.Users.Where(u => u.Id == ticket.RequesterId).Select(u => u.Department).SingleOrDefaultAsync(ct);
            var existing = TicketFieldValues.Of(ticket);
            var errors = new FieldErrors();
            var values = FieldValues.Read(fields, fields.ApplicableTo(ticket.CategoryId, department), command.Values, errors,
                (key, args) => w.T(key, args), existing, partial: true);
            if (errors.Any) return w.Invalid(errors);
            if (ticket.SetCustomFields(values, w.Now)) w.Emit(ticket, TicketEventKind.FieldsChanged);
            return null;
        }, ct);
    }
}
