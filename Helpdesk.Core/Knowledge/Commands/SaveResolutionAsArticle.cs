using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>
/// "Save resolution as article": a resolved ticket becomes a draft (internal until someone reviews
/// it: a ticket may name people and machines) linked to the ticket it came from. Asking twice for the
/// same ticket answers with the draft already made.
/// </summary>
public sealed record SaveResolutionAsArticle(int Number);

public sealed class SaveResolutionAsArticleHandler(KnowledgeWriter writer) : IKnowledgeHandler<SaveResolutionAsArticle, ArticleSaved>
{
    public Task<Result<ArticleSaved>> HandleAsync(Caller caller, SaveResolutionAsArticle command, CancellationToken ct = default) =>
        writer.SaveArticleAsync(nameof(SaveResolutionAsArticle), caller, async w =>
        {
            var ticket = await w.Db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller))
                .Where(t => t.Number == command.Number)
                .Select(t => new { t.Id, t.Subject, t.Description, t.Resolution, t.CategoryId }).SingleOrDefaultAsync(ct);
            if (ticket is null) return CommandError.NotFound(w.T("Ticket {0} was not found.", TicketNumber.Format(command.Number)));
            if (string.IsNullOrWhiteSpace(ticket.Resolution))
                return w.Invalid(nameof(Ticket.Resolution), w.T("{0} has no resolution to save yet.", TicketNumber.Format(command.Number)));

            var existing = await (from l in w.Db.ArticleTickets
                                  where l.TicketId == ticket.Id && l.Kind == ArticleTicketKind.Source
                                  join a in w.Db.Articles on l.ArticleId equals a.Id
                                  select a).FirstOrDefaultAsync(ct);
            if (existing is not null) return existing;

            var body = $"""
                ## {w.T("Symptom")}

                {ticket.Description.Trim()}

                ## {w.T("Solution")}

                {ticket.Resolution.Trim()}
                """;
            var title = ticket.Subject.Length > Article.TitleMax ? ticket.Subject[..Article.TitleMax] : ticket.Subject;
            var article = Article.Create(title, body, ticket.CategoryId, "", ArticleVisibility.Internal, caller.UserId, w.Now);
            w.Db.Articles.Add(article);
            w.WhenSaved.Add(() => w.Db.ArticleTickets.Add(new ArticleTicket(article.Id, ticket.Id, ArticleTicketKind.Source, caller.ActorId, w.Now)));
            return article;
        }, ct);
}
