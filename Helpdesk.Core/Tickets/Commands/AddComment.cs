using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>A public reply (requester or staff) or an internal note (staff only).</summary>
/// <param name="ExpectedVersion">When set, refused if the ticket's fields changed since (the API's If-Match).</param>
public sealed record AddComment(int Number, string Body, bool Internal = false, int? ExpectedVersion = null);

public sealed class AddCommentHandler(TicketWriter writer) : ITicketCommandHandler<AddComment>
{
    public const int BodyMax = 50_000;

    public Task<Result<TicketRow>> HandleAsync(Caller caller, AddComment command, CancellationToken ct = default) =>
        writer.UpdateAsync(command.Internal ? "AddNote" : "Reply", caller, command.Number, command.ExpectedVersion, (w, ticket) => ApplyAsync(w, ticket, command, ct), ct);

    /// <summary>Adds the comment to a ticket already loaded in the unit of work (mail intake shares it); returns the error or null.</summary>
    public async Task<CommandError?> ApplyAsync(TicketWork w, Ticket ticket, AddComment command, CancellationToken ct)
    {
        var caller = w.Caller;
        if (command.Internal && !caller.IsStaff) return w.Forbidden();
        var errors = new FieldErrors();
        errors.Required(nameof(command.Body), command.Body, w.T("Write a message."));
        errors.MaxLength(nameof(command.Body), command.Body, BodyMax, w.T("Keep the message under {0} characters.", BodyMax));
        if (errors.Any) return w.Invalid(errors);

        var kind = command.Internal ? CommentKind.InternalNote : CommentKind.PublicReply;
        w.Db.Comments.Add(new TicketComment(ticket.Id, kind, caller.ActorId, command.Body.Trim(), w.Now));
        ticket.RecordReply(caller.UserId, !command.Internal, w.Now);
        // The requester answered what we were waiting for: back to the agents.
        if (!command.Internal && caller.UserId == ticket.RequesterId && ticket.Status == TicketStatus.Pending)
            ticket.ChangeStatus(TicketStatus.Open, w.Now);
        w.Emit(ticket, command.Internal ? TicketEventKind.NoteAdded : TicketEventKind.Replied, command.Internal);
        // "@Omar Desktop, can you look?" in a note brings Omar in as a collaborator.
        if (command.Internal && command.Body.Contains('@'))
        {
            var staff = await Collaboration.ActiveStaff(w.Db).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
            var mentioned = Mentions.Find(command.Body, staff.Select(s => (s.Id, s.DisplayName))).Where(id => id != caller.UserId).ToList();
            if (mentioned.Count > 0) await Collaboration.AddAsync(w, ticket, mentioned, ct);
        }
        return null;
    }
}
