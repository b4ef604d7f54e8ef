using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>Creates (<paramref name="Id"/> null) or changes a canned reply.</summary>
/// <param name="TeamId">The team of a <see cref="CannedReplyScope.Team"/> reply.</param>
/// <param name="SetsStatus">The status the ticket moves to when the reply is sent, if any.</param>
public sealed record SaveCannedReply(int? Id, string Title, string Body, CannedReplyScope Scope, int? TeamId = null, TicketStatus? SetsStatus = null);

/// <returns>The reply's id.</returns>
public sealed class SaveCannedReplyHandler(KnowledgeWriter writer) : IKnowledgeHandler<SaveCannedReply, int>
{
    public Task<Result<int>> HandleAsync(Caller caller, SaveCannedReply command, CancellationToken ct = default) =>
        writer.ExecuteAsync<int>(nameof(SaveCannedReply), caller, async w =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            CannedReply? reply = null;
            if (command.Id is { } id)
            {
                reply = await w.Db.CannedReplies.VisibleTo(caller).SingleOrDefaultAsync(r => r.Id == id, ct);
                if (reply is null) return CommandError.NotFound(w.T("That canned reply was not found."));
                if (!await CannedReplyRules.MayKeepAsync(w.Db, caller, reply.Scope, reply.TeamId, ct))
                    return CommandError.Forbidden(w.T("Only the team's leads (or an admin) can change this reply."));
            }

            var errors = new FieldErrors();
            errors.Required(nameof(command.Title), command.Title, w.T("Give the reply a short name."));
            errors.MaxLength(nameof(command.Title), command.Title, CannedReply.TitleMax, w.T("Keep the name under {0} characters.", CannedReply.TitleMax));
            errors.Required(nameof(command.Body), command.Body, w.T("Write the reply."));
            errors.MaxLength(nameof(command.Body), command.Body, CannedReply.BodyMax, w.T("Keep the reply under {0} characters.", CannedReply.BodyMax));
            if (command.Scope == CannedReplyScope.Team && command.TeamId is null)
                errors.Add(nameof(command.TeamId), w.T("Choose the team that shares this reply."));
            else if (!await CannedReplyRules.MayKeepAsync(w.Db, caller, command.Scope, command.TeamId, ct))
                errors.Add(nameof(command.Scope), command.Scope == CannedReplyScope.Everyone
                    ? w.T("Only admins can share a reply with every agent.")
                    : w.T("Only the team's leads (or an admin) can share a reply with the team."));
            if (command.SetsStatus == TicketStatus.New)
                errors.Add(nameof(command.SetsStatus), w.T("A reply cannot put a ticket back to New."));
            if (errors.Any) return w.Invalid(errors);

            if (reply is null)
            {
                reply = new CannedReply { CreatedById = caller.ActorId, CreatedAt = w.Now };
                w.Db.CannedReplies.Add(reply);
            }
            reply.Title = command.Title.Trim();
            reply.Body = command.Body.Trim();
            reply.SetsStatus = command.SetsStatus;
            reply.SetScope(command.Scope, caller.UserId, command.TeamId);
            reply.UpdatedAt = w.Now;
            await w.Db.SaveChangesAsync(ct);
            return reply.Id;
        }, ct);
}
