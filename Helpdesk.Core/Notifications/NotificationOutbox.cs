using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Turns committed ticket events into notifications and their e-mails. Like the webhook outbox it
/// reads the event log after a persisted cursor and, in ONE transaction, writes the in-app
/// notifications, the outgoing mail and the moved cursor: after a crash either all of it happened
/// or none, so nothing is lost and nothing is told twice. Facts are gathered before the
/// transaction, outside the write gate, so ticket commands never wait for this work.
/// </summary>
public sealed class NotificationOutbox(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    MailOutbox mail,
    NotificationFeed feed,
    IOptionsMonitor<AppOptions> app,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.Messages> localizer,
    TimeProvider clock)
{
    public const string CursorName = "notifications";
    public const int BatchSize = 100;

    /// <summary>Plans everything after the cursor. Returns how many in-app notifications were written.</summary>
    public async Task<int> QueueAsync(CancellationToken ct = default)
    {
        var written = 0;
        while (true)
        {
            var (read, added) = await QueueBatchAsync(ct);
            written += added;
            if (read < BatchSize) return written;
        }
    }

    private sealed record Person(int Id, string DisplayName, string? Email, bool IsActive);

    private async Task<(int Read, int Written)> QueueBatchAsync(CancellationToken ct)
    {
        long from;
        bool newCursor;
        List<TicketEventRecord> events;
        var notifications = new List<(Notification Notification, bool InApp, bool Mail, string? Body)>();
        var people = new Dictionary<int, Person>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var stored = await EventCursor.StoredAsync(db, CursorName, ct);
            newCursor = stored is null;
            // First run: start at the end of the log (demo data and history are not news).
            from = stored ?? await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            events = await db.Events.AsNoTracking().Where(e => e.Id > from).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            List<(int Id, string DisplayName)>? staff = null;
            foreach (var e in events)
            {
                var facts = await FactsAsync(db, e, async () => staff ??= [.. (await Collaboration.ActiveStaff(db)
                    .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName))], ct);
                var plan = NotificationPlanner.Plan(facts);
                if (plan.Count == 0) continue;
                var ids = plan.Select(p => p.UserId).Append(e.ActorId ?? 0).Where(id => !people.ContainsKey(id)).ToList();
                foreach (var p in await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new Person(u.Id, u.DisplayName, u.Email, u.IsActive)).ToListAsync(ct))
                    people[p.Id] = p;
                var optOuts = await db.EmailOptOuts.Where(o => plan.Select(p => p.UserId).Contains(o.UserId)).ToListAsync(ct);
                var actor = e.ActorId is { } a && people.TryGetValue(a, out var who) ? who.DisplayName : null;
                foreach (var p in plan)
                {
                    if (!people.TryGetValue(p.UserId, out var person) || !person.IsActive) continue;
                    var wantsMail = mail.Enabled && !string.IsNullOrEmpty(person.Email)
                        && !optOuts.Any(o => o.UserId == p.UserId && o.Kind == p.Kind);
                    if (!p.InApp && !wantsMail) continue;
                    // The in-app line keeps a short excerpt; the mail carries the whole message (an agent's reply is answered by mail).
                    notifications.Add((new Notification(p.UserId, e.TicketId, facts.Row.Number, facts.Row.Subject, p.Kind, e.Id, actor, p.Detail, e.At), p.InApp, wantsMail,
                        p.Kind is NotificationKind.StaffReplied or NotificationKind.RequesterReplied or NotificationKind.Mentioned ? facts.Text : null));
                }
            }
        }
        if (events.Count == 0 && !newCursor) return (0, 0);

        var composer = new NotificationMail(localizer);
        using (await gate.EnterAsync(ct))
        {
            await using var write = await dbs.CreateDbContextAsync(ct);
            await using var tx = await write.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (await EventCursor.ClaimAsync(write, CursorName, from, now, ct) is not { } cursor) return (0, 0);
            var threads = new Dictionary<(int Ticket, string Address), List<string>>();
            foreach (var (n, inApp, wantsMail, body) in notifications)
            {
                if (inApp) write.Notifications.Add(n);
                if (wantsMail)
                {
                    var person = people[n.UserId];
                    var draft = composer.Compose(n, new MailRecipient(person.Email!, person.DisplayName), app.CurrentValue.TicketUrl(n.TicketNumber), body);
                    // The person's mail client threads it with the conversation so far, and their answer comes back to this ticket.
                    var key = (n.TicketId, person.Email!);
                    if (!threads.TryGetValue(key, out var thread)) threads[key] = thread = await Mailboxes.MailThread.IdsAsync(write, n.TicketId, person.Email!, ct);
                    var queued = mail.Add(write, thread.Count == 0 ? draft : draft with { InReplyTo = thread[^1], References = [.. thread] }, now);
                    if (queued is not null) thread.Add(queued.MessageId);
                }
            }
            cursor.Advance(events, now);
            await write.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (notifications.Any(n => n.Mail)) mail.Wake();
        feed.Changed(notifications.Where(n => n.InApp).Select(n => n.Notification.UserId));
        return (events.Count, notifications.Count(n => n.InApp));
    }

    private static async Task<EventFacts> FactsAsync(HelpdeskDbContext db, TicketEventRecord e, Func<Task<List<(int Id, string DisplayName)>>> staff, CancellationToken ct)
    {
        var row = JsonSerializer.Deserialize<TicketRow>(e.Row, TicketWriter.Json)!;
        var previous = await EventLog.RowBeforeAsync(db, e.TicketId, e.Id, ct);
        string? text = null;
        IReadOnlyList<int>? mentioned = null, leads = null;
        string? rule = null;
        if (e.Kind is TicketEventKind.Replied or TicketEventKind.NoteAdded)
        {
            // The comment written by this very command: same ticket, same instant, same author and kind.
            var kind = e.Kind == TicketEventKind.Replied ? CommentKind.PublicReply : CommentKind.InternalNote;
            text = await db.Comments.AsNoTracking()
                .Where(c => c.TicketId == e.TicketId && c.Kind == kind && c.CreatedAt == e.At && c.AuthorId == e.ActorId)
                .OrderByDescending(c => c.Id).Select(c => c.Body).FirstOrDefaultAsync(ct);
            if (e.Kind == TicketEventKind.NoteAdded && text is not null && text.Contains('@'))
                mentioned = [.. Mentions.Find(text, await staff()).Where(id => id != row.RequesterId)];
        }
        if (e.Kind is TicketEventKind.SlaAtRisk or TicketEventKind.SlaBreached or TicketEventKind.LeadAttention)
            leads = await (from m in db.TeamMembers
                           join u in db.Users on m.UserId equals u.Id
                           where m.TeamId == row.TeamId && m.IsLead && u.IsActive
                           select u.Id).ToListAsync(ct);
        if (e.Kind == TicketEventKind.LeadAttention)
            rule = await (from d in db.EscalationDue
                          join r in db.EscalationRules on d.RuleId equals r.Id
                          where d.TicketId == e.TicketId && d.FiredAt == e.At && r.NotifyLead
                          select r.Name).FirstOrDefaultAsync(ct);
        return new EventFacts(e.Id, e.Kind, e.ActorId, e.IsInternal, row, previous, text, mentioned, leads, rule);
    }
}
