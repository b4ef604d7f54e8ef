using System.Net.Mail;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// Takes one raw message in: a new ticket, a reply threaded into its ticket, or a recorded reason
/// why not (ignored, quarantined). The <see cref="InboundMail"/> row is written in the same
/// transaction as the ticket or reply, keyed by Message-ID, so a message handed over twice (a crash
/// before the mailbox was told, the same mail in two mailboxes) is taken in exactly once.
/// </summary>
public sealed class MailIntake(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    TicketWriter writer,
    CreateTicketHandler create,
    AddCommentHandler comment,
    CallerDirectory callers,
    IOptionsMonitor<MailChannelOptions> options,
    IOptionsMonitor<Mail.MailOptions> outgoing,
    Settings.DeskSettings desk,
    TimeProvider clock,
    ILogger<MailIntake> log)
{
    private static readonly CommandError AlreadyTakenIn = CommandError.Conflict("already taken in");

    /// <summary>Takes in a message; <paramref name="retryOf"/> is the quarantined row an admin retries.</summary>
    public async Task<InboundOutcome> TakeInAsync(string mailbox, string? category, byte[] raw, CancellationToken ct = default, long? retryOf = null)
    {
        var settings = options.CurrentValue;
        var mail = MailReader.Read(raw, settings, OwnAddresses(settings, outgoing.CurrentValue));
        if (await KnownAsync(mail.MessageId, retryOf, ct) is { } known) return known;
        if (mail.QuarantineReason is { } bad) return await RecordAsync(mailbox, mail, InboundOutcome.Quarantined, bad, raw, retryOf, ct);
        if (mail.IgnoreReason is { } ignore) return await RecordAsync(mailbox, mail, InboundOutcome.Ignored, ignore, null, retryOf, ct);

        var (sender, why) = await SenderAsync(mail, ct);
        if (sender is null) return await RecordAsync(mailbox, mail, InboundOutcome.Quarantined, why!, raw, retryOf, ct);

        var result = await writer.ExecuteAsync("ReceiveMail", sender, w => ApplyAsync(w, mailbox, category, mail, retryOf, settings, ct), ct);
        if (ReferenceEquals(result.Error, AlreadyTakenIn)) return InboundOutcome.Processed;
        if (!result.Succeeded)
        {
            var reason = string.Join(" ", new[] { result.Error!.Message }.Concat(result.Error.Fields.SelectMany(f => f.Value)));
            return await RecordAsync(mailbox, mail, InboundOutcome.Quarantined, reason, raw, retryOf, ct);
        }
        log.LogInformation("Mail {MessageId} from {From} in {Mailbox} → {Ticket}", mail.MessageId, mail.FromAddress, mailbox, result.Value!.DisplayNumber);
        return InboundOutcome.Processed;
    }

    /// <summary>Why a message is not downloaded at all.</summary>
    public string TooLargeReason(long size) =>
        $"Too large ({size / 1024 / 1024.0:0.#} MB; at most {options.CurrentValue.MaxMessageBytes / 1024 / 1024.0:0.#} MB). Not downloaded: ask the sender for a smaller message.";

    /// <summary>A message that cannot be read (too large, or failing again and again): quarantined from its envelope alone, nothing to retry.</summary>
    public async Task QuarantineUnreadAsync(string mailbox, string? messageId, string from, string subject, string reason, CancellationToken ct = default)
    {
        var id = string.IsNullOrWhiteSpace(messageId) ? $"unread-{Guid.NewGuid():N}@helpdesk.invalid" : messageId.Trim('<', '>', ' ');
        if (await KnownAsync(id, null, ct) is not null) return;
        var mail = new ParsedMail { MessageId = id, FromAddress = from, Subject = Mail.MailHeaders.OneLine(subject, 500) };
        await RecordAsync(mailbox, mail, InboundOutcome.Quarantined, reason, null, null, ct);
    }

    private async Task<Result<Ticket>> ApplyAsync(TicketWork w, string mailbox, string? category, ParsedMail mail, long? retryOf, MailChannelOptions settings, CancellationToken ct)
    {
        // Under the write lock: the authoritative duplicate check (the unique index backs it up).
        if (await w.Db.InboundMails.AnyAsync(m => m.MessageId == mail.MessageId && m.Id != retryOf, ct)) return AlreadyTakenIn;
        var thread = await ThreadAsync(w.Db, mail, w.Caller, ct);
        var text = QuoteTrimmer.NewPart(mail.Text);
        Ticket ticket;
        TicketComment? reply = null;
        if (thread is not null && !(thread.IsArchived || (thread.Status is TicketStatus.Closed or TicketStatus.Rejected && settings.ClosedTicketReply == ClosedTicketReply.FollowUp)))
        {
            ticket = thread;
            w.Before[ticket.Id] = await TicketRows.For(w.Db).SingleAsync(r => r.Id == ticket.Id, ct);
            // An answer to a finished ticket means it is not finished.
            if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected)
            {
                ticket.ChangeStatus(TicketStatus.Reopened, w.Now);
                w.Emit(ticket, TicketEventKind.StatusChanged);
            }
            var body = Clip(text.Length == 0 ? w.T("(empty message)") : text, AddCommentHandler.BodyMax);
            if (await comment.ApplyAsync(w, ticket, new AddComment(ticket.Number, body), ct) is { } error) return error;
            await w.Db.SaveChangesAsync(ct);
            reply = w.Db.ChangeTracker.Entries<TicketComment>().Select(e => e.Entity).Last(c => c.TicketId == ticket.Id);
        }
        else
        {
            var data = new NewTicketData
            {
                RequesterId = w.Caller.UserId,
                CategoryId = await CategoryAsync(w.Db, category, ct),
                Subject = Clip(mail.Subject.Length == 0 ? w.T("(no subject)") : SubjectTag.StripPrefixes(mail.Subject), CreateTicketHandler.SubjectMax),
                Description = Clip(text.Length == 0 ? w.T("(empty message)") : text, CreateTicketHandler.DescriptionMax),
                Channel = Channel.Email,
            };
            var created = await create.CreateAsync(w, new CreateTicket(data), ct);
            if (!created.Succeeded) return created;
            ticket = created.Value!;
            if (thread is not null)
            {
                w.Db.Links.Add(new TicketLink(thread.Id, ticket.Id, LinkKind.ParentOf, w.Caller.ActorId, w.Now));
                w.Emit(thread, TicketEventKind.Linked, isInternal: true);
            }
        }

        if (retryOf is { } old) w.Db.InboundMails.Remove(await w.Db.InboundMails.SingleAsync(m => m.Id == old, ct));
        w.Db.InboundMails.Add(new InboundMail
        {
            Mailbox = mailbox, MessageId = mail.MessageId, FromAddress = mail.FromAddress, Subject = mail.Subject,
            ReceivedAt = w.Now, Outcome = InboundOutcome.Processed, TicketId = ticket.Id, CommentId = reply?.Id, SafeHtml = mail.SafeHtml,
        });
        var refused = new List<string>();
        foreach (var file in mail.Attachments)
        {
            if (AttachmentRefusal(file, settings) is { } why) refused.Add($"{file.FileName} ({why})");
            else w.Db.Attachments.Add(new TicketAttachment(ticket.Id, reply?.Id, file.FileName, file.ContentType, file.Content!, w.Now));
        }
        // Staff learn what was not kept, so they can ask for it another way; the requester's text stays as written.
        if (refused.Count > 0)
            w.Db.Comments.Add(new TicketComment(ticket.Id, CommentKind.System, null,
                w.T("Attachments not kept: {0}.", string.Join(", ", refused)), w.Now, isInternal: true));
        return ticket;
    }

    /// <summary>The desk's attachment rules (admin settings: allowed types, largest size) and the channel's own limit.</summary>
    private string? AttachmentRefusal(MailFile file, MailChannelOptions settings)
    {
        var types = desk.AllowedAttachmentTypes;
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (types.Count > 0 && !types.Contains(extension, StringComparer.OrdinalIgnoreCase)) return "type not allowed";
        var maxBytes = Math.Min(settings.MaxAttachmentBytes, (long)desk.GetNumber(Settings.SettingKeys.AttachmentMaxMegabytes) * 1024 * 1024);
        return file.Content is null || file.Size > maxBytes ? "too large" : null;
    }

    /// <summary>
    /// The ticket a reply belongs to: by our outgoing Message-IDs (or an earlier incoming one) in
    /// In-Reply-To/References, else by "[HD-1042]" in the subject, the latter only on a ticket the
    /// sender may see (a number is easy to guess; a Message-ID is not).
    /// </summary>
    internal static async Task<Ticket?> ThreadAsync(HelpdeskDbContext db, ParsedMail mail, Caller sender, CancellationToken ct)
    {
        if (mail.InReplyTo.Count > 0)
        {
            var ids = mail.InReplyTo.ToList();
            var bracketed = ids.Select(id => "<" + id + ">").Concat(ids).ToList();
            var ticketId = await db.OutgoingMail.Where(m => m.TicketId != null && bracketed.Contains(m.MessageId)).Select(m => m.TicketId).FirstOrDefaultAsync(ct)
                ?? await db.InboundMails.Where(m => m.TicketId != null && ids.Contains(m.MessageId)).Select(m => m.TicketId).FirstOrDefaultAsync(ct);
            if (ticketId is { } id) return await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, ct);
        }
        if (SubjectTag.Number(mail.Subject) is { } number)
            return await db.Tickets.Where(TicketAccess.VisibleTo(sender)).SingleOrDefaultAsync(t => t.Number == number, ct);
        return null;
    }

    private async Task<(Caller? Sender, string? Why)> SenderAsync(ParsedMail mail, CancellationToken ct)
    {
        var address = mail.FromAddress;
        if (address.Length > 256 || !MailAddress.TryCreate(address, out var parsed) || !string.Equals(parsed.Address, address, StringComparison.OrdinalIgnoreCase))
            return (null, $"The sender address \"{Mail.MailHeaders.OneLine(address)}\" is not valid.");
        var normalized = Requesters.Normalize(address);
        int id;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.IsActive }).FirstOrDefaultAsync(ct);
            if (user is { IsActive: false }) return (null, "The sender's account is deactivated.");
            id = user?.Id ?? 0;
        }
        if (id == 0)
        {
            // A stranger writing to the desk becomes a requester; a separate short transaction is
            // fine: taking the same mail in again finds them instead of adding them twice.
            using var _ = await gate.EnterAsync(ct);
            await using var db = await dbs.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (id == 0)
            {
                var name = mail.FromName.Length > 0 ? Clip(mail.FromName, 200) : address.Split('@')[0];
                id = (await Requesters.AddAsync(db, name, address, null, null, clock.GetUtcNow().UtcDateTime, ct)).Id;
                await tx.CommitAsync(ct);
            }
        }
        var caller = await callers.ForUserAsync(id, ct);
        return caller is null ? (null, "The sender's account is deactivated.") : (caller, null);
    }

    private static async Task<int> CategoryAsync(HelpdeskDbContext db, string? name, CancellationToken ct)
    {
        var active = db.Categories.AsNoTracking().Where(c => c.IsActive);
        if (!string.IsNullOrWhiteSpace(name) && await active.Where(c => c.Name == name).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) is { } id) return id;
        return await active.OrderBy(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<InboundOutcome?> KnownAsync(string messageId, long? retryOf, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.InboundMails.Where(m => m.MessageId == messageId && m.Id != retryOf).Select(m => (InboundOutcome?)m.Outcome).FirstOrDefaultAsync(ct);
    }

    private async Task<InboundOutcome> RecordAsync(string mailbox, ParsedMail mail, InboundOutcome outcome, string reason, byte[]? raw, long? retryOf, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = retryOf is { } id ? await db.InboundMails.SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        if (row is null)
        {
            if (await db.InboundMails.AnyAsync(m => m.MessageId == mail.MessageId, ct)) return outcome;
            db.InboundMails.Add(row = new InboundMail { MessageId = mail.MessageId });
        }
        row.Mailbox = mailbox;
        row.FromAddress = Clip(mail.FromAddress, 320);
        row.Subject = mail.Subject;
        row.ReceivedAt = clock.GetUtcNow().UtcDateTime;
        row.Outcome = outcome;
        row.Reason = Clip(reason, 1000);
        row.Raw = outcome == InboundOutcome.Quarantined ? raw : null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (outcome == InboundOutcome.Quarantined) log.LogWarning("Mail {MessageId} from {From} in {Mailbox} quarantined: {Reason}", mail.MessageId, mail.FromAddress, mailbox, reason);
        else log.LogInformation("Mail {MessageId} from {From} in {Mailbox} ignored: {Reason}", mail.MessageId, mail.FromAddress, mailbox, reason);
        return outcome;
    }

    /// <summary>The mailboxes' addresses and the one our own mail is sent from: mail from them is a loop.</summary>
    private static IReadOnlyCollection<string> OwnAddresses(MailChannelOptions settings, Mail.MailOptions outgoing) =>
        [.. settings.Mailboxes.Select(m => m.Address).Append(outgoing.FromAddress).Where(a => !string.IsNullOrWhiteSpace(a))];

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
