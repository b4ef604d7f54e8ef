using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>Moves closed tickets older than the configured age out of the working set, one audited change each.</summary>
public sealed class ArchiveClosedTickets(IDbContextFactory<HelpdeskDbContext> dbs, TicketWriter writer, IOptions<TicketRules> rules, TimeProvider clock)
{
    public async Task<int> RunAsync(int batch = 500, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-rules.Value.ArchiveClosedAfterDays);
        List<int> numbers;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            numbers = await db.Tickets.Where(t => t.Status == TicketStatus.Closed && !t.IsArchived && t.ClosedAt < cutoff)
                .OrderBy(t => t.ClosedAt).Select(t => t.Number).Take(batch).ToListAsync(ct);
        var archived = 0;
        foreach (var number in numbers)
        {
            var result = await writer.UpdateAsync("ArchiveTicket", Caller.System, number, null, (w, ticket) =>
            {
                ticket.Archive(w.Now);
                w.Emit(ticket, TicketEventKind.Archived);
                return Task.FromResult<CommandError?>(null);
            }, ct);
            if (result.Succeeded) archived++;
        }
        return archived;
    }
}
