using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Sla.Commands;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>Looks at each ticket whose stored next SLA moment has come, oldest first, as the system.</summary>
public sealed class SlaProcessor(
    IDbContextFactory<HelpdeskDbContext> dbs,
    ITicketCommandHandler<CheckSla> check,
    TimeProvider clock,
    ILogger<SlaProcessor> log)
{
    public const int Batch = 100;

    /// <summary>Returns how many tickets it looked at.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var processed = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<int> due;
            await using (var db = await dbs.CreateDbContextAsync(ct))
                due = await (from s in db.TicketSla
                             where s.NextCheckAt != null && s.NextCheckAt <= now
                             join t in db.Tickets on s.TicketId equals t.Id
                             orderby s.NextCheckAt
                             select t.Number).Take(Batch).ToListAsync(ct);
            var done = 0;
            foreach (var number in due)
            {
                var result = await check.HandleAsync(Caller.System, new CheckSla(number), ct);
                if (result.Succeeded) done++;
                else log.LogWarning("SLA check of ticket {Number} failed: {Error}; it will be retried", number, result.Error!.Message);
            }
            processed += done;
            // A full batch may hide more; a batch that only failed must not spin this loop.
            if (due.Count < Batch || done == 0) return processed;
        }
    }
}
