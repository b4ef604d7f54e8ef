using System.Text;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Mailboxes;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Tests.Support.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Mailboxes;

/// <summary>
/// A whole conversation by mail, through a real SMTP server on loopback: a requester writes, an
/// agent answers in the app, the answer reaches the requester threaded under their mail, and their
/// answer to it comes back into the same ticket.
/// </summary>
public sealed class MailConversationTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private SmtpSink _smtp = null!;
    private TestDatabase _db = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _smtp = SmtpSink.OnFreePort();
        await _smtp.StartAsync();
        _db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(_clock), new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:FromAddress"] = "support@helpdesk.test",
            ["Mail:TimeoutSeconds"] = "5",
            ["MailChannel:Mailboxes:0:Address"] = "support@helpdesk.test",
        });
        _desk = await Desk.CreateAsync(_db);
        await Notifications().QueueAsync(); // the cursor starts at the end of the log
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private NotificationOutbox Notifications() => ActivatorUtilities.CreateInstance<NotificationOutbox>(_db.Services);

    private async Task DeliverOutgoingAsync()
    {
        await Notifications().QueueAsync();
        await ActivatorUtilities.CreateInstance<MailSender>(_db.Services).SendDueAsync();
    }

    private Task<InboundOutcome> ReceiveAsync(string raw) =>
        _db.Get<MailIntake>().TakeInAsync("support", "General", Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n")));

    [Fact]
    public async Task An_agents_reply_reaches_the_requester_threaded_and_their_answer_comes_back_to_the_ticket()
    {
        const string alice = "alice.martin@example.test";
        var first = Guid.NewGuid().ToString("N") + "@mail.example.test";
        await ReceiveAsync($"From: Alice Martin <{alice}>\nTo: support@helpdesk.test\nSubject: Shared drive is read-only\nMessage-ID: <{first}>\n\nI cannot save to S:.\n");
        Ticket ticket;
        await using (var db = _db.CreateDbContext())
            ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Subject == "Shared drive is read-only");
        var number = TicketNumber.Format(ticket.Number);

        // A long answer: the mail carries all of it, not the bell's excerpt.
        var answer = "Your account was missing from the Finance group. " + string.Concat(Enumerable.Repeat("I added it; log off and on again. ", 12)) + "THE END";
        Assert.True((await _desk.HandleAsync(_desk.Dana, new AddComment(ticket.Number, answer))).Succeeded);
        await DeliverOutgoingAsync();

        var reply = Assert.Single(_smtp.Messages(), m => (m.Message.Subject ?? "").Contains("New reply"));
        Assert.Equal([alice], reply.RcptTo);
        Assert.Contains($"[{number}]", reply.Message.Subject);
        // Under her mail and our receipt, in that order: her client shows one thread.
        var receipt = Assert.Single(_smtp.Messages(), m => (m.Message.Subject ?? "").Contains("We received"));
        Assert.Equal(first, receipt.Message.InReplyTo);
        Assert.Equal(receipt.Message.MessageId, reply.Message.InReplyTo);
        Assert.Equal([first, receipt.Message.MessageId!], reply.Message.References);
        Assert.Contains("THE END", reply.Message.TextBody ?? "");

        // Alice answers from her mail client: In-Reply-To names our message, the subject has no number.
        await ReceiveAsync($"From: Alice Martin <{alice}>\nTo: support@helpdesk.test\nSubject: Re: Shared drive\nMessage-ID: <{Guid.NewGuid():N}@mail.example.test>\n" +
                           $"In-Reply-To: <{reply.Message.MessageId}>\nReferences: <{first}> <{reply.Message.MessageId}>\n\nWorks now, thank you!\n\nOn Mon, Dana Agent wrote:\n> Your account was missing\n");

        await using var check = _db.CreateDbContext();
        var replies = await check.Comments.AsNoTracking().Where(c => c.TicketId == ticket.Id && c.Kind == CommentKind.PublicReply).OrderBy(c => c.Id).Select(c => c.Body).ToListAsync();
        Assert.Equal([answer, "Works now, thank you!"], replies);
        Assert.Equal(1, await check.Tickets.CountAsync(t => t.Subject.StartsWith("Shared drive")));
    }
}
