using System.Text.Json;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Application;

/// <summary>
/// The one write path. Every command runs here: load, check access, apply domain methods, then in
/// the same transaction bump the ticket's version, write an audit row per changed field and an
/// event row per emitted change; commit; publish the events. Handlers hold only the decision.
/// </summary>
public sealed class TicketWriter(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    IEventStream stream,
    AuditRecorder audit,
    TimeProvider clock,
    IStringLocalizer<Messages> localizer,
    ILogger<TicketWriter> log)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs a command that yields one ticket (new or changed) and returns its list row.</summary>
    public async Task<Result<TicketRow>> ExecuteAsync(string command, Caller caller, Func<TicketWork, Task<Result<Ticket>>> work, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Microsoft.Data.Sqlite begins transactions as BEGIN IMMEDIATE unless asked for deferred: the
        // write lock is taken before the first read, so no stale snapshot is ever written from.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var w = new TicketWork(db, caller, clock.GetUtcNow().UtcDateTime, localizer);

        Result<Ticket> outcome;
        try { outcome = await work(w); }
        catch (DomainException ex)
        {
            var message = localizer[ex.Message, ex.Arguments.Select(Describe).ToArray()];
            return w.Invalid(ex.Field, message);
        }
        if (!outcome.Succeeded) return outcome.Error!;
        var ticket = outcome.Value!;

        List<TicketEvent> events;
        try
        {
            // The SLA clock follows every created or changed ticket in the same transaction.
            await Sla.SlaClock.FollowAsync(w, ticket, ct);
            await audit.RecordAsync(w, command, ct);
            events = await WriteEventsAsync(w, ct);
            await tx.CommitAsync(ct);
            stream.Publish(events);
            log.LogInformation("{Command} {Ticket} by {Actor} (v{Version})", command, TicketNumber.Format(ticket.Number), caller.UserId, ticket.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Only another process can race us past the write gate; answer as a stale edit.
            return CommandError.Conflict(w.T("{0} was changed by someone else at the same moment. Your change was not saved; please try again.", TicketNumber.Format(ticket.Number)));
        }
        // The event already carries the row as committed; read it again only if nothing was emitted.
        return Result<TicketRow>.Ok(events.LastOrDefault(e => e.Row.Id == ticket.Id)?.Row
            ?? await TicketRows.For(db).SingleAsync(r => r.Id == ticket.Id, ct));
    }

    /// <summary>
    /// Runs a command on an existing ticket the caller can see. A ticket they cannot see answers
    /// exactly like a missing one. <paramref name="expectedVersion"/> is the version the caller's
    /// screen showed; if the ticket changed since, nothing is written and the error names what changed.
    /// </summary>
    public Task<Result<TicketRow>> UpdateAsync(string command, Caller caller, int number, int? expectedVersion,
        Func<TicketWork, Ticket, Task<CommandError?>> apply, CancellationToken ct = default) =>
        ExecuteAsync(command, caller, async w =>
        {
            var ticket = await w.Db.Tickets.Where(TicketAccess.VisibleTo(caller)).SingleOrDefaultAsync(t => t.Number == number, ct);
            if (ticket is null) return w.NotFound(number);
            if (expectedVersion is { } seen && seen != ticket.Version)
                return await StaleEditAsync(w, ticket, seen, ct);
            w.Before[ticket.Id] = await TicketRows.For(w.Db).SingleAsync(r => r.Id == ticket.Id, ct);
            var error = await apply(w, ticket);
            return error is null ? Result<Ticket>.Ok(ticket) : error;
        }, ct);

    private async Task<CommandError> StaleEditAsync(TicketWork w, Ticket ticket, int seen, CancellationToken ct)
    {
        // What changed may include staff-only details (override reasons, notes): requesters only hear that it changed.
        if (!w.Caller.IsStaff)
            return CommandError.Conflict(w.T("{0} was updated while you were looking at it. Your change was not saved: review the ticket and try again.",
                TicketNumber.Format(ticket.Number)));
        var changes = await (from a in w.Db.Audit
                             where a.TicketId == ticket.Id && a.Version > seen
                             join u in w.Db.Users on a.ActorId equals u.Id into us
                             from u in us.DefaultIfEmpty()
                             orderby a.Id
                             select new { a.Field, a.NewValue, Who = u == null ? null : u.DisplayName }).ToListAsync(ct);
        var who = string.Join(", ", changes.Select(c => c.Who ?? w.T("the system")).Distinct());
        var what = string.Join(", ", changes.GroupBy(c => c.Field).Select(g => $"{w.T("field." + g.Key)} → {g.Last().NewValue}"));
        return CommandError.Conflict(w.T("{0} was changed by {1} while you were looking at it ({2}). Your change was not saved: review the ticket and try again.",
            TicketNumber.Format(ticket.Number), who, what));
    }

    private static async Task<List<TicketEvent>> WriteEventsAsync(TicketWork w, CancellationToken ct)
    {
        if (w.Emitted.Count == 0) return [];
        var ids = w.Emitted.Select(e => e.Ticket.Id).Distinct().ToList();
        var rows = await TicketRows.For(w.Db).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var records = w.Emitted.Select(e => new TicketEventRecord
        {
            TicketId = e.Ticket.Id,
            Kind = e.Kind,
            At = w.Now,
            ActorId = w.Caller.ActorId,
            IsInternal = e.IsInternal,
            Row = JsonSerializer.Serialize(rows[e.Ticket.Id], Json),
        }).ToList();
        w.Db.Events.AddRange(records);
        await w.Db.SaveChangesAsync(ct);
        // PostgreSQL delivers the notification at commit: every server's relay wakes to read the log.
        if (w.Db.IsPostgres()) await w.Db.Database.ExecuteSqlRawAsync(EventRelay.NotifySql, ct);
        return [.. records.Select(r => new TicketEvent(r.Id, r.Kind, r.At, r.ActorId, r.IsInternal, rows[r.TicketId])
        {
            Previous = w.Before.GetValueOrDefault(r.TicketId),
        })];
    }

    private string Describe(object value) => value switch
    {
        TicketStatus s => localizer["status." + s],
        Tier t => t.ToString(),
        _ => value.ToString() ?? "",
    };
}
