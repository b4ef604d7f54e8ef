using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Mailboxes;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size, DateTime CreatedAt);

public sealed record AttachmentFile(string FileName, byte[] Content);

/// <summary>An e-mail as it arrived (sanitized), for staff who need more than the trimmed text.</summary>
public sealed record OriginalMail(long Id, string From, string Subject, DateTime ReceivedAt, SanitizedHtml Html);

/// <summary>
/// A ticket's files and original e-mails, with the same access rule as the ticket itself (a
/// ticket the caller cannot see has none); files of internal notes stay with staff.
/// </summary>
public sealed class TicketFiles(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public async Task<IReadOnlyList<AttachmentInfo>> ListAsync(Caller caller, int number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Visible(db, caller, number)
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<AttachmentFile?> OpenAsync(Caller caller, int number, long id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Visible(db, caller, number).Where(a => a.Id == id)
            .Select(a => new AttachmentFile(a.FileName, a.Content)).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<OriginalMail>> OriginalMailsAsync(Caller caller, int number, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticketId = await db.Tickets.Where(TicketAccess.VisibleTo(caller)).Where(t => t.Number == number).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        if (ticketId is null) return [];
        var rows = await db.InboundMails.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Outcome == InboundOutcome.Processed && m.SafeHtml != null)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.FromAddress, m.Subject, m.ReceivedAt, m.SafeHtml }).ToListAsync(ct);
        return [.. rows.Select(m => new OriginalMail(m.Id, m.FromAddress, m.Subject, m.ReceivedAt, MailHtml.Stored(m.SafeHtml)))];
    }

    private static IQueryable<TicketAttachment> Visible(HelpdeskDbContext db, Caller caller, int number) =>
        from a in db.Attachments.AsNoTracking()
        join t in db.Tickets.Where(TicketAccess.VisibleTo(caller)) on a.TicketId equals t.Id
        where t.Number == number
        where caller.IsStaff || a.CommentId == null || db.Comments.Any(c => c.Id == a.CommentId && !c.IsInternal)
        select a;
}
