using System.Collections.Concurrent;

namespace Helpdesk.Core.Mailboxes;

/// <summary>How a mailbox's polling goes, for the admin page: in memory, per process.</summary>
public sealed record MailboxStatus(string Mailbox, DateTime? LastPollAt, DateTime? LastSuccessAt, string? LastError, int Handled);

public sealed class MailboxStatusBoard
{
    private readonly ConcurrentDictionary<string, MailboxStatus> _status = new();

    public IReadOnlyList<MailboxStatus> All => [.. _status.Values.OrderBy(s => s.Mailbox)];

    public void Succeeded(string mailbox, DateTime at, int handled) =>
        _status.AddOrUpdate(mailbox, _ => new(mailbox, at, at, null, handled), (_, s) => s with { LastPollAt = at, LastSuccessAt = at, LastError = null, Handled = s.Handled + handled });

    public void Failed(string mailbox, DateTime at, string error) =>
        _status.AddOrUpdate(mailbox, _ => new(mailbox, at, null, error, 0), (_, s) => s with { LastPollAt = at, LastError = error });
}
