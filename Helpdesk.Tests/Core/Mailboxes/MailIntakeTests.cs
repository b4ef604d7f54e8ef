using Helpdesk.Core.Mailboxes;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support.Builders;
using MailKit;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Mailboxes;

/// <summary>
/// The e-mail channel against a real Dovecot: what arrives in the mailbox becomes tickets and
/// replies, exactly once, and what must not (robots, broken mail) never does.
/// </summary>
public class MailIntakeTests(MailboxFixture fixture) : IClassFixture<MailboxFixture>
{
    private MailboxPoller Poller => fixture.Db.Get<MailboxPoller>();

    private static string Mail(string from, string subject, string body, string? messageId = null, string headers = "") =>
        $"From: {from}\nTo: support@helpdesk.test\nSubject: {subject}\nMessage-ID: <{messageId ?? Guid.NewGuid().ToString("N") + "@example.test"}>\nDate: Mon, 2 Mar 2026 09:00:00 +0100\n{headers}MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}\n";

    private async Task<int> PollAsync() => await Poller.PollOnceAsync(fixture.Box);

    private async Task<List<Ticket>> TicketsWithSubjectAsync(string subject)
    {
        await using var db = fixture.Db.CreateDbContext();
        return await db.Tickets.AsNoTracking().Where(t => t.Subject == subject).ToListAsync();
    }

    private async Task<List<TicketComment>> RepliesAsync(int ticketId)
    {
        await using var db = fixture.Db.CreateDbContext();
        return await db.Comments.AsNoTracking().Where(c => c.TicketId == ticketId && c.Kind == CommentKind.PublicReply).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task A_new_message_becomes_a_ticket_from_a_new_requester_with_its_attachment()
    {
        var subject = "VPN drops every hour " + Guid.NewGuid().ToString("N")[..6];
        await fixture.Imap.DeliverAsync(
            $"From: Carla Client <carla.{subject.Length}@example.test>\nTo: support@helpdesk.test\nSubject: {subject}\nMessage-ID: <{Guid.NewGuid():N}@example.test>\n" +
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\n\nSince Monday the VPN drops.\n" +
            "--b\nContent-Type: text/plain; name=vpn.log\nContent-Disposition: attachment; filename=vpn.log\n\ndisconnect 10:00\n" +
            "--b\nContent-Type: application/octet-stream; name=fix.exe\nContent-Disposition: attachment; filename=fix.exe\n\nMZ\n--b--\n");

        Assert.Equal(1, await PollAsync());

        var ticket = Assert.Single(await TicketsWithSubjectAsync(subject));
        Assert.Equal(Channel.Email, ticket.Channel);
        Assert.Equal("Since Monday the VPN drops.", ticket.Description);
        await using var db = fixture.Db.CreateDbContext();
        var requester = await db.Users.SingleAsync(u => u.Id == ticket.RequesterId);
        Assert.Equal("Carla Client", requester.DisplayName);
        var file = Assert.Single(await db.Attachments.Where(a => a.TicketId == ticket.Id).ToListAsync());
        Assert.Equal("vpn.log", file.FileName);
        // A type the desk does not allow (admin settings) is not kept; staff are told in an internal note.
        var note = Assert.Single(await db.Comments.Where(c => c.TicketId == ticket.Id && c.Kind == CommentKind.System).ToListAsync());
        Assert.True(note.IsInternal);
        Assert.Contains("fix.exe (type not allowed)", note.Body);
        // Marked in the mailbox only now that the ticket is committed; the next pass finds nothing new.
        Assert.Equal(0, await PollAsync());
    }

    [Fact]
    public async Task A_reply_threads_by_its_headers_and_only_the_new_part_is_added()
    {
        var subject = "Monitor flickers " + Guid.NewGuid().ToString("N")[..6];
        var first = Guid.NewGuid().ToString("N") + "@example.test";
        await fixture.Imap.DeliverAsync(Mail("Carla Client <carla@example.test>", subject, "It flickers.", first));
        await PollAsync();
        var ticket = Assert.Single(await TicketsWithSubjectAsync(subject));

        // No ticket number in the subject: only the References header ties it to the ticket.
        await fixture.Imap.DeliverAsync(Mail("Carla Client <carla@example.test>", "Re: " + subject,
            "Also after a restart.\n\nOn Mon, 2 Mar 2026 at 09:00, Carla Client <carla@example.test> wrote:\n> It flickers.",
            headers: $"In-Reply-To: <{first}>\nReferences: <{first}>\n"));
        await PollAsync();

        Assert.Single(await TicketsWithSubjectAsync(subject));
        Assert.Empty(await TicketsWithSubjectAsync("Re: " + subject));
        Assert.Equal("Also after a restart.", Assert.Single(await RepliesAsync(ticket.Id)).Body);
    }

    [Fact]
    public async Task A_reply_threads_by_the_ticket_number_in_the_subject()
    {
        var ticket = await fixture.Desk.ATicket().RequestedBy(fixture.Desk.Alice).About("Keyboard sticky " + Guid.NewGuid().ToString("N")[..6]);
        var alice = "alice.martin@example.test";

        await fixture.Imap.DeliverAsync(Mail($"Alice Martin <{alice}>", $"RE: [{TicketNumber.Format(ticket.Number)}] {ticket.Subject}", "The E key too."));
        await PollAsync();

        var reply = Assert.Single(await RepliesAsync(ticket.Id));
        Assert.Equal("The E key too.", reply.Body);
        Assert.Equal(fixture.Desk.Alice.UserId, reply.AuthorId);
    }

    [Fact]
    public async Task A_ticket_number_guessed_by_a_stranger_opens_a_new_ticket_instead_of_replying()
    {
        var ticket = await fixture.Desk.ATicket().RequestedBy(fixture.Desk.Alice).About("Payroll access " + Guid.NewGuid().ToString("N")[..6]);
        var subject = $"[{TicketNumber.Format(ticket.Number)}] let me in";

        await fixture.Imap.DeliverAsync(Mail("Mallory <mallory@evil.test>", subject, "Add me to payroll."));
        await PollAsync();

        Assert.Empty(await RepliesAsync(ticket.Id));
        Assert.Single(await TicketsWithSubjectAsync(subject));
    }

    [Fact]
    public async Task Auto_replies_create_nothing()
    {
        var subject = "Out of office " + Guid.NewGuid().ToString("N")[..6];
        await fixture.Imap.DeliverAsync(Mail("Bruno Costa <bruno.costa@example.test>", subject, "I am away until Monday.", headers: "Auto-Submitted: auto-replied\n"));

        Assert.Equal(1, await PollAsync());

        Assert.Empty(await TicketsWithSubjectAsync(subject));
        await using var db = fixture.Db.CreateDbContext();
        Assert.Equal(InboundOutcome.Ignored, (await db.InboundMails.SingleAsync(m => m.Subject == subject)).Outcome);
    }

    [Fact]
    public async Task Mail_from_our_own_sending_address_is_a_loop_and_creates_nothing()
    {
        var subject = "[HD-1] We received your request " + Guid.NewGuid().ToString("N")[..6];
        await fixture.Imap.DeliverAsync(Mail("Helpdesk <desk@helpdesk.test>", subject, "Thank you."));

        await PollAsync();

        Assert.Empty(await TicketsWithSubjectAsync(subject));
        Assert.Empty(await TicketsWithSubjectAsync(SubjectTag.StripPrefixes(subject)));
    }

    [Fact]
    public async Task A_malformed_message_is_quarantined_and_the_next_good_one_still_arrives()
    {
        var bad = "Broken " + Guid.NewGuid().ToString("N")[..6];
        var good = "Good after broken " + Guid.NewGuid().ToString("N")[..6];
        await fixture.Imap.DeliverAsync($"To: support@helpdesk.test\nSubject: {bad}\nMessage-ID: <{Guid.NewGuid():N}@x>\n\nno sender at all\n");
        await fixture.Imap.DeliverAsync(Mail("Bruno Costa <bruno.costa@example.test>", good, "Please help."));

        Assert.Equal(2, await PollAsync());

        Assert.Single(await TicketsWithSubjectAsync(good));
        var quarantine = fixture.Db.Get<Quarantine>();
        var held = Assert.Single(await quarantine.ListAsync(fixture.Desk.Admin), q => q.Subject == bad);
        Assert.Contains("sender", held.Reason);
        Assert.True(held.CanRetry);
        // Agents do not see the quarantine; only admins do.
        Assert.Empty(await quarantine.ListAsync(fixture.Desk.Dana));
    }

    [Fact]
    public async Task A_crash_between_fetch_and_commit_loses_nothing_and_duplicates_nothing()
    {
        var subject = "Crash test " + Guid.NewGuid().ToString("N")[..6];
        await fixture.Imap.DeliverAsync(Mail("Alice Martin <alice.martin@example.test>", subject, "Please survive."));

        fixture.Clock.CrashOnce();
        Assert.Equal(0, await PollAsync()); // taking it in failed: the message stays unmarked
        Assert.Empty(await TicketsWithSubjectAsync(subject));

        Assert.Equal(1, await PollAsync());
        Assert.Single(await TicketsWithSubjectAsync(subject));

        // A crash after the commit but before the mailbox heard of it: the mark is lost, the message comes again.
        using (var client = fixture.Imap.Connect())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var all = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All);
            await client.Inbox.StoreAsync(all, new StoreFlagsRequest(StoreAction.Remove, MessageFlags.None) { Keywords = { MailboxPoller.DoneKeyword }, Silent = true });
        }
        await PollAsync();
        Assert.Single(await TicketsWithSubjectAsync(subject));
    }

    [Fact]
    public async Task A_reply_to_a_closed_ticket_opens_a_follow_up_when_so_configured()
    {
        var ticket = await fixture.Desk.ATicket().RequestedBy(fixture.Desk.Alice).About("Old laptop " + Guid.NewGuid().ToString("N")[..6]).InStatus(TicketStatus.Closed);
        var subject = $"Re: [{TicketNumber.Format(ticket.Number)}] {ticket.Subject}";

        await fixture.Imap.DeliverAsync(Mail("Alice Martin <alice.martin@example.test>", subject, "It broke again."));
        await PollAsync();

        Assert.Equal(TicketStatus.Closed, (await TicketsWithSubjectAsync(ticket.Subject)).Single().Status);
        var followUp = Assert.Single(await TicketsWithSubjectAsync($"[{TicketNumber.Format(ticket.Number)}] {ticket.Subject}"));
        await using var db = fixture.Db.CreateDbContext();
        Assert.True(await db.Links.AnyAsync(l => l.FromTicketId == ticket.Id && l.ToTicketId == followUp.Id));
    }
}
