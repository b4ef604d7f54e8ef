using Helpdesk.Core.Application;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

public sealed record DeleteCannedReply(int Id);

public sealed class DeleteCannedReplyHandler(KnowledgeWriter writer) : IKnowledgeHandler<DeleteCannedReply, bool>
{
    public Task<Result<bool>> HandleAsync(Caller caller, DeleteCannedReply command, CancellationToken ct = default) =>
        writer.ExecuteAsync<bool>(nameof(DeleteCannedReply), caller, async w =>
        {
            var reply = await w.Db.CannedReplies.VisibleTo(caller).SingleOrDefaultAsync(r => r.Id == command.Id, ct);
            if (reply is null) return CommandError.NotFound(w.T("That canned reply was not found."));
            if (!await CannedReplyRules.MayKeepAsync(w.Db, caller, reply.Scope, reply.TeamId, ct))
                return CommandError.Forbidden(w.T("Only the team's leads (or an admin) can change this reply."));
            w.Db.CannedReplies.Remove(reply);
            return true;
        }, ct);
}
