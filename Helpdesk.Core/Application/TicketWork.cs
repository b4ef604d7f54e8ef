using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Queries = Helpdesk.Core.Tickets.Queries;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Core.Application;

/// <summary>What a command handler works with inside the one write transaction.</summary>
public sealed class TicketWork(HelpdeskDbContext db, Caller caller, DateTime now, IStringLocalizer<Messages> localizer)
{
    internal List<(Ticket Ticket, TicketEventKind Kind, bool IsInternal)> Emitted { get; } = [];

    /// <summary>List rows as they were before this command, by ticket id (for live views' deltas).</summary>
    internal Dictionary<int, Queries.TicketRow> Before { get; } = [];

    public HelpdeskDbContext Db { get; } = db;
    public Caller Caller { get; } = caller;
    public DateTime Now { get; } = now;

    /// <summary>New tickets of this command, audited as "Created" even if saved early (to link them).</summary>
    internal List<Ticket> Created { get; } = [];

    /// <summary>Adds a new ticket to the unit of work.</summary>
    public void Add(Ticket ticket)
    {
        Db.Tickets.Add(ticket);
        Created.Add(ticket);
    }

    /// <summary>Records that the ticket changed in a way live screens show; the writer turns it into an event row.</summary>
    public void Emit(Ticket ticket, TicketEventKind kind, bool isInternal = false) => Emitted.Add((ticket, kind, isInternal));

    /// <summary>Localized text for the caller's culture.</summary>
    public string T(string key, params object[] args) => localizer[key, args];

    public CommandError NotFound(int number) => CommandError.NotFound(T("Ticket {0} was not found.", TicketNumber.Format(number)));

    public CommandError Forbidden() => CommandError.Forbidden(T("You are not allowed to do that on this ticket."));

    public CommandError Invalid(FieldErrors errors) =>
        CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());

    public CommandError Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
