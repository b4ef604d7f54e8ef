using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>
/// Changes classification fields in one go (the API's PATCH): a null field stays as it is. An
/// existing priority override is kept when only impact or urgency change; a
/// <paramref name="Priority"/> that differs from the matrix is an override and needs
/// <paramref name="PriorityReason"/>; one equal to the matrix clears the override.
/// </summary>
public sealed record UpdateTicketFields(int Number, Impact? Impact = null, Urgency? Urgency = null, Priority? Priority = null,
    string? PriorityReason = null, int? CategoryId = null, int? ExpectedVersion = null);

public sealed class UpdateTicketFieldsHandler(TicketWriter writer) : ITicketCommandHandler<UpdateTicketFields>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, UpdateTicketFields command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(UpdateTicketFields), caller, command.Number, command.ExpectedVersion, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            var errors = new FieldErrors();
            if (command.Impact is { } i && !Enum.IsDefined(i)) errors.Add(nameof(command.Impact), w.T("Choose who is affected."));
            if (command.Urgency is { } u && !Enum.IsDefined(u)) errors.Add(nameof(command.Urgency), w.T("Choose how urgent it is."));
            if (command.Priority is { } p && !Enum.IsDefined(p)) errors.Add(nameof(command.Priority), w.T("Choose a priority."));
            if (command.CategoryId is { } c && !await w.Db.Categories.AnyAsync(x => x.Id == c && x.IsActive, ct))
                errors.Add(nameof(command.CategoryId), w.T("Choose a category."));
            if (errors.Any) return w.Invalid(errors);

            if (command.Impact is not null || command.Urgency is not null || command.Priority is not null || command.PriorityReason is not null)
            {
                var impact = command.Impact ?? ticket.Impact;
                var urgency = command.Urgency ?? ticket.Urgency;
                var keptOverride = ticket.PriorityOverrideReason is not null ? ticket.Priority : (Priority?)null;
                var priority = command.Priority ?? keptOverride;
                var reason = command.PriorityReason ?? ticket.PriorityOverrideReason;
                var before = (ticket.Impact, ticket.Urgency, ticket.Priority, ticket.PriorityOverrideReason);
                ticket.Reprioritise(impact, urgency, priority, reason, w.Now);
                if (before != (ticket.Impact, ticket.Urgency, ticket.Priority, ticket.PriorityOverrideReason))
                    w.Emit(ticket, TicketEventKind.Reprioritised);
            }
            if (command.CategoryId is { } category && category != ticket.CategoryId)
            {
                ticket.Recategorise(category, w.Now);
                w.Emit(ticket, TicketEventKind.Recategorised);
            }
            return null;
        }, ct);
}
