using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Mailboxes;

/// <summary>A message that could not be taken in, as admins see it.</summary>
public sealed record QuarantinedMail(long Id, string Mailbox, string FromAddress, string Subject, DateTime ReceivedAt, string Reason, bool CanRetry);

/// <summary>What admins do with quarantined mail: look, retry (after fixing the cause), dismiss.</summary>
public sealed class Quarantine(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, MailIntake intake)
{
    public async Task<IReadOnlyList<QuarantinedMail>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.InboundMails.AsNoTracking().Where(m => m.Outcome == InboundOutcome.Quarantined)
            .OrderByDescending(m => m.ReceivedAt)
            .Select(m => new QuarantinedMail(m.Id, m.Mailbox, m.FromAddress, m.Subject, m.ReceivedAt, m.Reason ?? "", m.Raw != null))
            .Take(500).ToListAsync(ct);
    }

    /// <summary>Takes the stored message in again; it may be quarantined again, with the new reason.</summary>
    public async Task<InboundOutcome?> RetryAsync(Caller caller, long id, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        byte[]? raw;
        string mailbox;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var row = await db.InboundMails.AsNoTracking().Where(m => m.Id == id && m.Outcome == InboundOutcome.Quarantined)
                .Select(m => new { m.Raw, m.Mailbox }).SingleOrDefaultAsync(ct);
            if (row?.Raw is null) return null;
            (raw, mailbox) = (row.Raw, row.Mailbox);
        }
        return await intake.TakeInAsync(mailbox, null, raw, ct, retryOf: id);
    }

    public async Task<bool> DismissAsync(Caller caller, long id, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return false;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.InboundMails.SingleOrDefaultAsync(m => m.Id == id && m.Outcome == InboundOutcome.Quarantined, ct);
        if (row is null) return false;
        row.Outcome = InboundOutcome.Dismissed;
        row.Raw = null;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
