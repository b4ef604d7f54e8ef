using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// One pass over one mailbox: every message not yet marked with <see cref="DoneKeyword"/> is taken
/// in (<see cref="MailIntake"/>), and only after its ticket is committed is it marked. A crash in
/// between means the message is seen again, and MailIntake recognises it by its Message-ID.
/// </summary>
public sealed class MailboxPoller(MailIntake intake, IOptionsMonitor<MailChannelOptions> options, ILogger<MailboxPoller> log)
{
    /// <summary>The IMAP keyword that marks a message as taken in (\Seen is set too, for people reading the mailbox).</summary>
    public const string DoneKeyword = "$HelpdeskDone";

    /// <summary>After this many failed attempts (the database was fine but taking it in threw), a message is quarantined so it cannot block the mailbox.</summary>
    public const int MaxFailures = 3;

    private readonly ConcurrentDictionary<(string Mailbox, uint Uid), int> _failures = new();

    /// <summary>Returns how many messages were handled (taken in, ignored or quarantined).</summary>
    public async Task<int> PollOnceAsync(MailboxOptions box, CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        using var client = new ImapClient { Timeout = 60_000 };
        await client.ConnectAsync(box.Host, box.Port, box.Security, ct);
        await client.AuthenticateAsync(box.User, box.Password, ct);
        var folder = await client.GetFolderAsync(string.IsNullOrWhiteSpace(box.Folder) ? "INBOX" : box.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);

        var uids = await folder.SearchAsync(SearchQuery.NotKeyword(DoneKeyword), ct);
        var handled = 0;
        foreach (var uid in uids)
        {
            ct.ThrowIfCancellationRequested();
            var summary = (await folder.FetchAsync([uid], MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct)).FirstOrDefault();
            if (summary is null) continue; // expunged meanwhile
            try
            {
                if (summary.Size is { } size && size > settings.MaxMessageBytes)
                    await QuarantineUnreadAsync(box, summary, intake.TooLargeReason(size), ct);
                else
                {
                    using var stream = await folder.GetStreamAsync(uid, ct);
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer, ct);
                    await intake.TakeInAsync(box.Name, box.Category, buffer.ToArray(), ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsConnectionProblem(ex))
            {
                var failures = _failures.AddOrUpdate((box.Name, uid.Id), 1, (_, n) => n + 1);
                log.LogError(ex, "Taking in message {Uid} of {Mailbox} failed ({Failures}/{Max})", uid.Id, box.Name, failures, MaxFailures);
                if (failures < MaxFailures) continue;
                await QuarantineUnreadAsync(box, summary, $"Processing failed {MaxFailures} times: {ex.Message}", ct);
            }
            _failures.TryRemove((box.Name, uid.Id), out _);
            await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Keywords = { DoneKeyword }, Silent = true }, ct);
            handled++;
        }
        await client.DisconnectAsync(true, ct);
        return handled;
    }

    private Task QuarantineUnreadAsync(MailboxOptions box, IMessageSummary summary, string reason, CancellationToken ct) =>
        intake.QuarantineUnreadAsync(box.Name, summary.Envelope?.MessageId, summary.Envelope?.From.Mailboxes.FirstOrDefault()?.Address ?? "",
            summary.Envelope?.Subject ?? "", reason, ct);

    private static bool IsConnectionProblem(Exception ex) =>
        ex is IOException or ServiceNotConnectedException or ImapProtocolException or System.Net.Sockets.SocketException;
}
