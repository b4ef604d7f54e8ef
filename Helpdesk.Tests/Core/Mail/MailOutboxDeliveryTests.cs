using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Mail;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Tests.Support.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Mail;

/// <summary>The outbox against a real SMTP server on loopback (aiosmtpd): what arrives, outages, restarts, no duplicates.</summary>
public sealed class MailOutboxDeliveryTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private SmtpSink _smtp = null!;
    private TestDatabase _db = null!;

    private MailOutbox Outbox => _db.Get<MailOutbox>();

    public async Task InitializeAsync()
    {
        _smtp = SmtpSink.OnFreePort();
        _db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(_clock), new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:FromAddress"] = "desk@helpdesk.test",
            ["Mail:FromName"] = "Helpdesk",
            ["Mail:TimeoutSeconds"] = "5",
            ["Mail:RetryDelaysSeconds"] = "10, 60",
            ["Mail:MaxAttempts"] = "3",
        });
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>A new sender over the same database: what the app has after a restart.</summary>
    private MailSender NewSender() => ActivatorUtilities.CreateInstance<MailSender>(_db.Services);

    private static MailDraft Draft(string to, string subject, string? key = null) =>
        new([new MailRecipient(to, "Alice Martin")], subject, "Plain text.", SanitizedHtml.Empty, DedupeKey: key);

    private async Task<List<OutgoingMail>> StoredAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.OutgoingMail.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task MessagesArriveWithTheirRecipientsSubjectsAndThreadingHeaders()
    {
        await _smtp.StartAsync();
        var first = await Outbox.QueueAsync(Draft("alice@example.test", "HD-1001 received: Printer jam"));
        var second = await Outbox.QueueAsync(new MailDraft(
            [new MailRecipient("bruno@example.test", "Bruno\r\nBcc: evil@example.test")],
            "Re: HD-1001\r\nBcc: evil@example.test", "Reply text.", SanitizedHtml.Empty,
            Cc: [new MailRecipient("dana@helpdesk.test", "Dana Agent")],
            InReplyTo: first!.MessageId, References: [first.MessageId, "not a message id\r\nX: y"]));

        Assert.Equal(2, await NewSender().SendDueAsync());

        var received = _smtp.Messages();
        Assert.Equal(2, received.Count);
        var a = received.Single(r => r.Message.MessageId == first.MessageId.Trim('<', '>'));
        Assert.Equal(["alice@example.test"], a.RcptTo);
        Assert.Equal("desk@helpdesk.test", a.MailFrom);
        Assert.Equal("HD-1001 received: Printer jam", a.Message.Subject);
        Assert.Equal("Alice Martin", a.Message.To.Mailboxes.Single().Name);

        var b = received.Single(r => r.Message.MessageId == second!.MessageId.Trim('<', '>'));
        Assert.Equal(["bruno@example.test", "dana@helpdesk.test"], b.RcptTo.Order());
        // A line break in user text never becomes a header of its own.
        Assert.Equal("Re: HD-1001 Bcc: evil@example.test", b.Message.Subject);
        Assert.Empty(b.Message.Bcc);
        Assert.DoesNotContain(b.Message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase) || h.Field == "X");
        Assert.Equal(first.MessageId.Trim('<', '>'), b.Message.InReplyTo);
        Assert.Equal([first.MessageId.Trim('<', '>')], b.Message.References);
        Assert.Equal("Reply text.", b.Message.TextBody?.Trim());

        Assert.All(await StoredAsync(), m => Assert.Equal((MailStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(0, await NewSender().SendDueAsync());
        Assert.Equal(2, _smtp.Messages().Count);
    }

    [Fact]
    public async Task WithTheServerDownMessagesWaitAndAreDeliveredOnceItIsBackNeverTwice()
    {
        foreach (var n in new[] { 1, 2, 3 }) await Outbox.QueueAsync(Draft($"person{n}@example.test", $"Message {n}"));

        // The server is down: every message waits for its next attempt, none is lost.
        Assert.Equal(3, await NewSender().SendDueAsync());
        var waiting = await StoredAsync();
        Assert.All(waiting, m =>
        {
            Assert.Equal((MailStatus.Pending, 1), (m.Status, m.Attempts));
            Assert.NotNull(m.LastError);
            Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddSeconds(10), m.NextAttemptAt);
        });
        Assert.Equal(0, await NewSender().SendDueAsync());

        await _smtp.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        // A restarted app (a new sender) picks them up from the database.
        Assert.Equal(3, await NewSender().SendDueAsync());
        Assert.Equal(0, await NewSender().SendDueAsync());
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await NewSender().SendDueAsync());

        var received = _smtp.Messages();
        Assert.Equal(["Message 1", "Message 2", "Message 3"], received.Select(r => r.Message.Subject).Order());
        Assert.Equal(3, received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.All(await StoredAsync(), m => Assert.Equal((MailStatus.Sent, 2), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task AMessageIsGivenUpAfterItsLastAttemptAndKept()
    {
        await Outbox.QueueAsync(Draft("alice@example.test", "Never delivered"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(1, await NewSender().SendDueAsync());
            _clock.Advance(TimeSpan.FromMinutes(2));
        }
        Assert.Equal(0, await NewSender().SendDueAsync());
        var mail = Assert.Single(await StoredAsync());
        Assert.Equal((MailStatus.Failed, 3), (mail.Status, mail.Attempts));
    }

    [Fact]
    public async Task TheSameDedupeKeyIsQueuedOnceAndBadAddressesAreDropped()
    {
        Assert.NotNull(await Outbox.QueueAsync(Draft("alice@example.test", "Once", key: "n:1:2:Created")));
        Assert.Null(await Outbox.QueueAsync(Draft("alice@example.test", "Once again", key: "n:1:2:Created")));
        Assert.Null(await Outbox.QueueAsync(Draft("not an address", "Nobody to send to")));
        Assert.Equal(["Once"], (await StoredAsync()).Select(m => m.Subject));
    }
}
