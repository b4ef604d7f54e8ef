using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Events;

/// <summary>The persisted event stream: what a reconnecting screen reads to catch up.</summary>
public sealed class EventLog(IDbContextFactory<HelpdeskDbContext> dbs)
{
    /// <summary>
    /// Events after <paramref name="sequence"/>, oldest first, at most <paramref name="max"/>; only
    /// those whose ticket the caller may see now (internal ones only for staff). Fewer than
    /// <paramref name="max"/> means the caller is up to date.
    /// </summary>
    public async Task<IReadOnlyList<TicketEvent>> ReadAfterAsync(Caller caller, long sequence, int max = 500, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Filter before Take: a page cut short by others' events would read as "nothing more".
        var staff = caller.IsStaff;
        var records = await (from e in db.Events.AsNoTracking()
                             join t in db.Tickets.Where(TicketAccess.VisibleTo(caller)) on e.TicketId equals t.Id
                             where e.Id > sequence && (staff || !e.IsInternal)
                             orderby e.Id
                             select e).Take(max).ToListAsync(ct);
        return [.. records.Select(ToEvent)];
    }

    /// <summary>
    /// Every event after <paramref name="sequence"/>, oldest first, at most <paramref name="max"/>, for
    /// the live fan-out of a server that did not commit them (no access filter: the fan-out filters
    /// per receiver). <see cref="TicketEvent.Previous"/> is the ticket's row as of its event before
    /// (null for a ticket's first), so deltas and revocations work as for a local event.
    /// </summary>
    public async Task<IReadOnlyList<TicketEvent>> ReadForRelayAsync(long sequence, int max = 500, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var records = await db.Events.AsNoTracking().Where(e => e.Id > sequence).OrderBy(e => e.Id).Take(max).ToListAsync(ct);
        var before = new Dictionary<int, TicketRow?>();
        var events = new List<TicketEvent>(records.Count);
        foreach (var r in records)
        {
            if (!before.TryGetValue(r.TicketId, out var previous)) previous = await RowBeforeAsync(db, r.TicketId, r.Id, ct);
            var e = ToEvent(r) with { Previous = r.Kind == TicketEventKind.Created ? null : previous };
            before[r.TicketId] = e.Row;
            events.Add(e);
        }
        return events;
    }

    /// <summary>The ticket's list row as its last event before <paramref name="sequence"/> left it (null for its first event).</summary>
    internal static async Task<TicketRow?> RowBeforeAsync(HelpdeskDbContext db, int ticketId, long sequence, CancellationToken ct)
    {
        var json = await db.Events.AsNoTracking().Where(e => e.TicketId == ticketId && e.Id < sequence)
            .OrderByDescending(e => e.Id).Select(e => e.Row).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<TicketRow>(json, TicketWriter.Json);
    }

    public async Task<long> LastSequenceAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    private static TicketEvent ToEvent(TicketEventRecord r) =>
        new(r.Id, r.Kind, r.At, r.ActorId, r.IsInternal, JsonSerializer.Deserialize<TicketRow>(r.Row, TicketWriter.Json)!);
}
