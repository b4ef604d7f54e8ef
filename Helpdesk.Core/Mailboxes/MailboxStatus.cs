using System.Collections.Concurrent;
using Helpdesk.Core.Servers;

namespace Helpdesk.Core.Mailboxes;

/// <summary>How a mailbox's polling goes, for the admin page: in memory, not stored.</summary>
public sealed record MailboxStatus(string Mailbox, DateTime? LastPollAt, DateTime? LastSuccessAt, string? LastError, int Handled);

/// <summary>
/// The latest status of every mailbox. Only one server polls a mailbox (its job lease), so with
/// several servers each poll's status is also sent to the others (<see cref="ServerMessages"/>),
/// and the admin page shows the same on every server. Handled counts messages since the polling
/// server took the mailbox over.
/// </summary>
public sealed class MailboxStatusBoard
{
    public const string Topic = "mailbox";
    private const int MaxError = 1_000;

    private readonly ConcurrentDictionary<string, MailboxStatus> _status = new();
    private readonly ServerMessages _messages;

    public MailboxStatusBoard(ServerMessages messages)
    {
        _messages = messages;
        messages.Received += OnMessage;
    }

    public IReadOnlyList<MailboxStatus> All => [.. _status.Values.OrderBy(s => s.Mailbox)];

    public void Succeeded(string mailbox, DateTime at, int handled) =>
        Share(_status.AddOrUpdate(mailbox, _ => new(mailbox, at, at, null, handled), (_, s) => s with { LastPollAt = at, LastSuccessAt = at, LastError = null, Handled = s.Handled + handled }));

    public void Failed(string mailbox, DateTime at, string error) =>
        Share(_status.AddOrUpdate(mailbox, _ => new(mailbox, at, null, error, 0), (_, s) => s with { LastPollAt = at, LastError = error }));

    private void Share(MailboxStatus status)
    {
        if (!_messages.Enabled) return;
        if (status.LastError is { Length: > MaxError } e) status = status with { LastError = e[..MaxError] };
        try { _messages.Publish(Topic, status); }
        catch (ArgumentException) { /* a mailbox name too long to send: the other servers show nothing for it */ }
    }

    private void OnMessage(ServerMessage message)
    {
        // A broken one is not ours to repair: the next poll sends it again.
        if (message.Topic == Topic && message.Read<MailboxStatus>() is { } status) _status[status.Mailbox] = status;
    }
}
