using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Settings;

/// <summary>
/// Closes resolved tickets nobody confirmed or reopened within the setting's days, as the system,
/// through the one write path (audited, live, versioned); a ticket changed meanwhile is skipped.
/// </summary>
public sealed class AutoCloseResolvedTickets(IDbContextFactory<HelpdeskDbContext> dbs, TicketWriter writer, TicketRules rules, TimeProvider clock)
{
    public async Task<int> RunAsync(int batch = 200, CancellationToken ct = default)
    {
        var days = rules.AutoCloseResolvedAfterDays;
        if (days <= 0) return 0;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        List<(int Number, int Version)> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            due = [.. (await db.Tickets.Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt < cutoff)
                .OrderBy(t => t.ResolvedAt).Select(t => new { t.Number, t.Version }).Take(batch).ToListAsync(ct)).Select(t => (t.Number, t.Version))];
        var closed = 0;
        foreach (var (number, version) in due)
        {
            var result = await writer.UpdateAsync("AutoCloseResolved", Caller.System, number, version, (w, ticket) =>
            {
                ticket.ChangeStatus(TicketStatus.Closed, w.Now);
                w.Emit(ticket, TicketEventKind.StatusChanged);
                return Task.FromResult<CommandError?>(null);
            }, ct);
            if (result.Succeeded) closed++;
        }
        return closed;
    }
}
