using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// The Message-IDs of a ticket's conversation with one person, oldest first: what they sent us and
/// what we sent them. Mail we send about the ticket answers the last of them (In-Reply-To) and lists
/// them (References), so mail clients thread it and the person's answer threads back into the ticket.
/// </summary>
public static class MailThread
{
    /// <summary>References stay short: the thread's root and its latest messages are what clients use.</summary>
    public const int MaxReferences = 10;

    public static async Task<List<string>> IdsAsync(HelpdeskDbContext db, int ticketId, string address, CancellationToken ct)
    {
        var inbound = await db.InboundMails.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Outcome == InboundOutcome.Processed)
            .Select(m => new { At = m.ReceivedAt, m.MessageId }).ToListAsync(ct);
        // Recipients are stored as JSON; the quoted address is precise enough to pick this person's mails.
        var quoted = "\"" + address + "\"";
        var outbound = await db.OutgoingMail.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.To.Contains(quoted))
            .Select(m => new { At = m.CreatedAt, m.MessageId }).ToListAsync(ct);
        var ids = inbound.Select(m => (m.At, Id: "<" + m.MessageId + ">"))
            .Concat(outbound.Select(m => (m.At, Id: m.MessageId)))
            .OrderBy(m => m.At).Select(m => m.Id).Distinct().ToList();
        return ids.Count <= MaxReferences ? ids : [ids[0], .. ids.TakeLast(MaxReferences - 1)];
    }
}
