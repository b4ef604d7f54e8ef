using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Routing.Commands;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Routing;

/// <summary>Fires what fell due: each pending (ticket, rule) whose due time has passed, oldest first, as the system.</summary>
public sealed class EscalationProcessor(
    IDbContextFactory<HelpdeskDbContext> dbs,
    ITicketCommandHandler<ApplyEscalationRule> apply,
    TimeProvider clock,
    ILogger<EscalationProcessor> log)
{
    public const int Batch = 100;

    /// <summary>Returns how many due rows it processed (fired, or dropped because the rule no longer applied).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var processed = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<(int Number, int RuleId)> due;
            await using (var db = await dbs.CreateDbContextAsync(ct))
                due = [.. (await (from d in db.EscalationDue
                                  where d.FiredAt == null && d.DueAt <= now
                                  join t in db.Tickets on d.TicketId equals t.Id
                                  orderby d.DueAt
                                  select new { t.Number, d.RuleId }).Take(Batch).ToListAsync(ct))
                    .Select(d => (d.Number, d.RuleId))];
            var done = 0;
            foreach (var (number, ruleId) in due)
            {
                var result = await apply.HandleAsync(Caller.System, new ApplyEscalationRule(number, ruleId), ct);
                if (result.Succeeded) done++;
                else log.LogWarning("Escalation rule {Rule} on ticket {Number} failed: {Error}; it will be retried", ruleId, number, result.Error!.Message);
            }
            processed += done;
            // A full batch may hide more; a batch that only failed must not spin this loop.
            if (due.Count < Batch || done == 0) return processed;
        }
    }
}
