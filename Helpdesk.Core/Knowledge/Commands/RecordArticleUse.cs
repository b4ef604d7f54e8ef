using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>An agent sent these articles (as a link or as text) in a reply on the ticket: they count as having solved it.</summary>
public sealed record RecordArticleUse(int Number, IReadOnlyCollection<int> ArticleIds);

/// <returns>How many articles were newly linked to the ticket.</returns>
public sealed class RecordArticleUseHandler(KnowledgeWriter writer) : IKnowledgeHandler<RecordArticleUse, int>
{
    public Task<Result<int>> HandleAsync(Caller caller, RecordArticleUse command, CancellationToken ct = default) =>
        writer.ExecuteAsync<int>(nameof(RecordArticleUse), caller, async w =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            var ticketId = await w.Db.Tickets.Where(TicketAccess.VisibleTo(caller)).Where(t => t.Number == command.Number)
                .Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
            if (ticketId is null) return CommandError.NotFound(w.T("Ticket {0} was not found.", TicketNumber.Format(command.Number)));
            var ids = command.ArticleIds.Distinct().ToList();
            var linked = await w.Db.ArticleTickets.Where(l => l.TicketId == ticketId && ids.Contains(l.ArticleId)).Select(l => l.ArticleId).ToListAsync(ct);
            var fresh = await w.Db.Articles.Where(ArticleAccess.VisibleTo(caller))
                .Where(a => ids.Contains(a.Id) && !linked.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            w.Db.ArticleTickets.AddRange(fresh.Select(id => new ArticleTicket(id, ticketId.Value, ArticleTicketKind.Used, caller.ActorId, w.Now)));
            return fresh.Count;
        }, ct);
}
