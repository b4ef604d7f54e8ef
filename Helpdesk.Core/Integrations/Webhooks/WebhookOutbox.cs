using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// Turns committed ticket events into delivery rows. It reads the event log after a persisted
/// cursor and, in ONE short transaction, writes the deliveries and moves the cursor: after a crash
/// either both happened or neither, so no event is lost and none is queued twice (a unique index
/// on subscription + event backs that up). Payloads are built before the transaction, outside
/// the write gate, so ticket commands never wait for this work.
/// </summary>
public sealed class WebhookOutbox(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, TimeProvider clock)
{
    public const string CursorName = "webhooks";
    public const int BatchSize = 100;

    /// <summary>Queues everything after the cursor. Returns how many deliveries were queued.</summary>
    public async Task<int> QueueAsync(CancellationToken ct = default)
    {
        var queued = 0;
        while (true)
        {
            var (read, added) = await QueueBatchAsync(ct);
            queued += added;
            if (read < BatchSize) return queued;
        }
    }

    /// <summary>Where the cursor stands (null before the first run).</summary>
    public async Task<long?> CursorAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await EventCursor.StoredAsync(db, CursorName, ct);
    }

    private async Task<(int Read, int Queued)> QueueBatchAsync(CancellationToken ct)
    {
        List<TicketEventRecord> events;
        List<(WebhookSubscription Subscription, TicketEventRecord Event, string Type, int Number, string Payload)> planned = [];
        long from;
        bool newCursor;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct);
            var stored = await EventCursor.StoredAsync(db, CursorName, ct);
            newCursor = stored is null;
            // First run: start at the end of the log, or earlier if a subscription was created before this ran.
            from = stored ?? Math.Min(await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0,
                subscriptions.Count == 0 ? long.MaxValue : subscriptions.Min(s => s.StartAfterSequence));
            events = await db.Events.AsNoTracking().Where(e => e.Id > from).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var e in events)
            {
                var kind = WebhookEventNames.For(e.Kind);
                // Internal events (notes, links, followers) are never delivered: see the README.
                if (kind == WebhookEvents.None || (e.IsInternal && kind != WebhookEvents.SlaBreached)) continue;
                var targets = subscriptions.Where(s => s.Events.HasFlag(kind) && e.Id > s.StartAfterSequence).ToList();
                if (targets.Count == 0) continue;
                var payload = await PayloadAsync(db, e, kind, ct);
                planned.AddRange(targets.Select(s => (s, e, payload.Type, payload.Ticket.Number, JsonSerializer.Serialize(payload, IntegrationJson.Options))));
            }
        }
        if (events.Count == 0 && !newCursor) return (0, 0);

        using var _ = await gate.EnterAsync(ct);
        await using var write = await dbs.CreateDbContextAsync(ct);
        await using var tx = await write.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await EventCursor.ClaimAsync(write, CursorName, from, now, ct) is not { } cursor) return (0, 0);
        write.WebhookDeliveries.AddRange(planned.Select(p => new WebhookDelivery(p.Subscription.Id, p.Event.Id, p.Type, p.Number, p.Payload, now)));
        cursor.Advance(events, now);
        await write.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (events.Count, planned.Count);
    }

    private static async Task<WebhookPayload> PayloadAsync(HelpdeskDbContext db, TicketEventRecord e, WebhookEvents kind, CancellationToken ct)
    {
        var row = JsonSerializer.Deserialize<TicketRow>(e.Row, TicketWriter.Json)!;
        var previous = await EventLog.RowBeforeAsync(db, e.TicketId, e.Id, ct) is { } before ? TicketSummary.From(before) : null;
        NamedRef? actor = e.ActorId is { } actorId
            ? await db.Users.Where(u => u.Id == actorId).Select(u => new NamedRef(u.Id, u.DisplayName)).SingleOrDefaultAsync(ct)
            : null;
        WebhookReply? reply = null;
        if (kind == WebhookEvents.Replied)
        {
            // The reply written by this very command: same ticket, same instant, public.
            reply = await (from c in db.Comments.AsNoTracking()
                           where c.TicketId == e.TicketId && c.Kind == CommentKind.PublicReply && !c.IsInternal && c.CreatedAt == e.At
                           join u in db.Users on c.AuthorId equals u.Id into authors
                           from u in authors.DefaultIfEmpty()
                           orderby c.Id descending
                           select new WebhookReply(c.Id, u == null ? null : new NamedRef(u.Id, u.DisplayName), c.Body, c.CreatedAt)).FirstOrDefaultAsync(ct);
        }
        WebhookSlaBreach? breach = null;
        if (kind == WebhookEvents.SlaBreached)
            breach = await db.SlaBreaches.AsNoTracking().Where(b => b.TicketId == e.TicketId && b.BreachedAt == e.At).OrderByDescending(b => b.Id)
                .Select(b => new WebhookSlaBreach(b.Target.ToString(), b.PolicyName, b.DueAt, b.BreachedAt)).FirstOrDefaultAsync(ct);
        return new WebhookPayload(e.Id, WebhookEventNames.Name(kind), e.At, actor, TicketSummary.From(row), previous, reply) { SlaBreach = breach };
    }
}
