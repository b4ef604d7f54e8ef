using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail;

/// <summary>
/// Sends what is due in the outbox. Each message is first claimed (its next attempt moved past the
/// time a batch may take, committed), then sent, then marked sent in its own transaction. A crash
/// between the server's "250 OK" and that mark is the one case a message goes out twice: it is
/// sent again once its claim runs out. Nothing is lost: a message leaves the outbox only as sent,
/// or as failed after <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailSender(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    IMailTransport transport,
    IOptionsMonitor<MailOptions> options,
    TimeProvider clock,
    ILogger<MailSender> log)
{
    public const int BatchSize = 20;

    /// <summary>Sends the messages due now (one batch). Returns how many were claimed (sent or not).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var o = options.CurrentValue;
        if (!o.Enabled) return 0;
        var claimed = await ClaimAsync(o, ct);
        if (claimed.Count == 0) return 0;

        IMailSession session;
        try { session = await transport.OpenAsync(ct); }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("Mail server unavailable ({Error}); {Count} message(s) wait for their next attempt", ex.Message, claimed.Count);
            foreach (var m in claimed) await RecordAsync(m.Id, ex.Message, ct);
            return claimed.Count;
        }
        await using (session)
        {
            foreach (var m in claimed)
            {
                string? error = null;
                try { await session.SendAsync(Build(m, o), ct); }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested) { error = ex.Message; }
                // Its own transaction: a failure marking one message never undoes another's.
                await RecordAsync(m.Id, error, CancellationToken.None);
                if (error is null) log.LogInformation("Mail {MessageId} sent: {Subject}", m.MessageId, m.Subject);
                else log.LogWarning("Mail {MessageId} not sent: {Error}", m.MessageId, error);
            }
        }
        return claimed.Count;
    }

    /// <summary>When the next pending message falls due (null when none waits).</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.OutgoingMail.Where(m => m.Status == MailStatus.Pending).MinAsync(m => (DateTime?)m.NextAttemptAt, ct);
    }

    /// <summary>Deletes sent and failed messages older than <see cref="MailOptions.KeepDays"/>.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, options.CurrentValue.KeepDays));
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.OutgoingMail.Where(m => m.Status != MailStatus.Pending && m.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    private async Task<List<OutgoingMail>> ClaimAsync(MailOptions o, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingMail.Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        // Long enough for the whole batch; another process (or this one after a crash) takes it only after that.
        var claimUntil = now + o.Timeout * (due.Count + 2);
        foreach (var m in due) m.Claim(claimUntil);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due;
    }

    private async Task RecordAsync(long id, string? error, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var m = await db.OutgoingMail.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null) m.Sent(now);
        else m.Failed(now, error, options.CurrentValue.RetryDelay(m.Attempts + 1));
        await db.SaveChangesAsync(ct);
    }

    internal static MimeMessage Build(OutgoingMail m, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(MailHeaders.OneLine(o.FromName, 100), MailHeaders.OneLine(o.FromAddress, 254)));
        message.To.AddRange(MailOutbox.Parse(m.To));
        message.Cc.AddRange(MailOutbox.Parse(m.Cc));
        message.Subject = m.Subject;
        message.MessageId = Bare(m.MessageId);
        message.Date = new DateTimeOffset(m.CreatedAt, TimeSpan.Zero);
        if (m.InReplyTo is { } inReplyTo) message.InReplyTo = Bare(inReplyTo);
        foreach (var reference in (m.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            message.References.Add(Bare(reference));
        message.Body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody }.ToMessageBody();
        return message;
    }

    private static string Bare(string messageId) => messageId.Trim().TrimStart('<').TrimEnd('>');
}
