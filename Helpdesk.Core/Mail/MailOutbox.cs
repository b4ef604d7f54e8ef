using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail;

/// <summary>
/// The one way mail leaves the app: a draft becomes a persisted <see cref="OutgoingMail"/> row, and
/// the <see cref="MailWorker"/> sends it later, retrying with backoff. Queueing never talks to a
/// mail server, so a dead server never fails the operation that queued the mail.
/// </summary>
public sealed class MailOutbox(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    MailSignal signal,
    IOptionsMonitor<MailOptions> options,
    TimeProvider clock)
{
    /// <summary>False when "Mail:Delivery" is Off: nothing is queued.</summary>
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>
    /// Adds the message to <paramref name="db"/> without saving, so it commits (or not) with the
    /// caller's own transaction. Null when mail is off or no recipient has a usable address.
    /// Call <see cref="Wake"/> after the commit.
    /// </summary>
    public OutgoingMail? Add(HelpdeskDbContext db, MailDraft draft, DateTime now)
    {
        if (!Enabled) return null;
        var to = Recipients(draft.To);
        if (to.Count == 0) return null;
        var cc = Recipients(draft.Cc ?? []);
        var references = (draft.References ?? []).Where(MailHeaders.IsMessageId).ToList();
        var mail = new OutgoingMail(
            NewMessageId(),
            JsonSerializer.Serialize(to),
            cc.Count == 0 ? null : JsonSerializer.Serialize(cc),
            MailHeaders.OneLine(draft.Subject),
            Truncate(draft.Text),
            Truncate(draft.Html.Value),
            MailHeaders.IsMessageId(draft.InReplyTo) ? draft.InReplyTo : null,
            references.Count == 0 ? null : string.Join(' ', references),
            draft.TicketId,
            draft.DedupeKey,
            now);
        db.OutgoingMail.Add(mail);
        return mail;
    }

    /// <summary>Queues one message in its own transaction and wakes the sender. Null when mail is off or the key was queued already.</summary>
    public async Task<OutgoingMail?> QueueAsync(MailDraft draft, CancellationToken ct = default)
    {
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (draft.DedupeKey is { } key && await db.OutgoingMail.AnyAsync(m => m.DedupeKey == key, ct)) return null;
            var mail = Add(db, draft, clock.GetUtcNow().UtcDateTime);
            if (mail is null) return null;
            await db.SaveChangesAsync(ct);
            Wake();
            return mail;
        }
    }

    /// <summary>Tells the sender that something was committed to the outbox.</summary>
    public void Wake() => signal.NotifyEverywhere();

    internal string NewMessageId() => $"<{Guid.NewGuid():N}@{options.CurrentValue.MessageIdDomain}>";

    /// <summary>The stored recipients as MimeKit addresses (names already one line).</summary>
    internal static InternetAddressList Parse(string? json)
    {
        var list = new InternetAddressList();
        if (string.IsNullOrEmpty(json)) return list;
        foreach (var r in JsonSerializer.Deserialize<List<MailRecipient>>(json) ?? [])
            list.Add(new MailboxAddress(r.Name ?? "", r.Address));
        return list;
    }

    private static List<MailRecipient> Recipients(IEnumerable<MailRecipient> recipients) =>
        [.. recipients
            .Select(r => new MailRecipient(MailHeaders.OneLine(r.Address, 254), MailHeaders.OneLine(r.Name, 100) is { Length: > 0 } n ? n : null))
            .Where(r => MailboxAddress.TryParse(r.Address, out var parsed) && parsed.Address == r.Address)
            .DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase)];

    private static string Truncate(string s) => s.Length > OutgoingMail.BodyMax ? s[..OutgoingMail.BodyMax] : s;
}
