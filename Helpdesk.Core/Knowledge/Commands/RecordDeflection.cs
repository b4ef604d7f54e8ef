using Helpdesk.Core.Application;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>
/// "This solved my problem" on a suggested article: the request ends without a ticket and is
/// counted as deflected, with the subject the requester had typed.
/// </summary>
public sealed record RecordDeflection(int ArticleId, string Subject);

/// <returns>How many requests this article has deflected so far.</returns>
public sealed class RecordDeflectionHandler(KnowledgeWriter writer) : IKnowledgeHandler<RecordDeflection, int>
{
    public Task<Result<int>> HandleAsync(Caller caller, RecordDeflection command, CancellationToken ct = default) =>
        writer.ExecuteAsync<int>(nameof(RecordDeflection), caller, async w =>
        {
            var published = await w.Db.Articles.Where(ArticleAccess.VisibleTo(caller))
                .AnyAsync(a => a.Id == command.ArticleId && a.State == ArticleState.Published, ct);
            if (!published || caller.ActorId is null) return w.ArticleNotFound(command.ArticleId);
            w.Db.Deflections.Add(new Deflection(command.ArticleId, caller.UserId, (command.Subject ?? "").Trim(), w.Now));
            return await w.Db.Deflections.CountAsync(d => d.ArticleId == command.ArticleId, ct) + 1;
        }, ct);
}
