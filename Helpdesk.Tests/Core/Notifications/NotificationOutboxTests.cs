using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Notifications;

/// <summary>The event log → notifications and their mail, through the persisted cursor: each once, none lost, internal things kept from requesters.</summary>
public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private TestDatabase _db = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(_clock), new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Pickup",
            ["App:PublicUrl"] = "https://desk.example.test/",
        });
        _desk = await Desk.CreateAsync(_db);
        await Outbox().QueueAsync(); // the cursor starts at the end of the log: the arrangement is not news
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>A new outbox over the same database: what the app has after a restart.</summary>
    private NotificationOutbox Outbox() => ActivatorUtilities.CreateInstance<NotificationOutbox>(_db.Services);

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<OutgoingMail>> MailAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.OutgoingMail.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task EachEventIsToldOnceEvenAfterARestart()
    {
        var ticket = await _desk.ATicket().RequestedBy(_desk.Alice).About("Printer jam").AssignedTo(_desk.Dana);
        await _desk.HandleAsync(_desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress));
        await _desk.HandleAsync(_desk.Dana, new AddComment(ticket.Number, "Cleared the tray, please try again."));

        Assert.True(await Outbox().QueueAsync() > 0);
        Assert.Equal(0, await Outbox().QueueAsync());
        Assert.Equal(0, await Outbox().QueueAsync());

        var all = await NotificationsAsync();
        Assert.Equal(all.Count, all.Select(n => (n.UserId, n.EventSequence, n.Kind)).Distinct().Count());
        Assert.Equal([NotificationKind.StatusChanged, NotificationKind.StaffReplied],
            all.Where(n => n.UserId == _desk.Alice.UserId).Select(n => n.Kind));
        // Assigned by the admin: Dana hears of it; her own changes tell her nothing.
        Assert.Equal([NotificationKind.AssignedToYou], all.Where(n => n.UserId == _desk.Dana.UserId).Select(n => n.Kind));

        var mail = await MailAsync();
        // The receipt is mailed (never shown in-app to the person who just filed it).
        var receipt = Assert.Single(mail, m => m.Subject.Contains("We received your request"));
        Assert.Contains($"HD-{ticket.Number}", receipt.Subject);
        Assert.Contains($"https://desk.example.test/tickets/{ticket.Number}", receipt.TextBody);
        Assert.Contains($"href=\"https://desk.example.test/tickets/{ticket.Number}\"", receipt.HtmlBody);
        var reply = Assert.Single(mail, m => m.Subject.StartsWith($"[HD-{ticket.Number}] New reply", StringComparison.Ordinal));
        Assert.Contains("Cleared the tray", reply.TextBody);
        Assert.Equal(mail.Count, mail.Select(m => m.DedupeKey).Distinct().Count());
    }

    [Fact]
    public async Task AMentionReachesTheColleagueAndANoteNeverReachesTheRequester()
    {
        var ticket = await _desk.ATicket().RequestedBy(_desk.Alice).About("VPN drops").AssignedTo(_desk.Dana);
        await Outbox().QueueAsync();
        var before = (await NotificationsAsync()).Count;
        var mailBefore = (await MailAsync()).Count;

        await _desk.HandleAsync(_desk.Dana, new AddComment(ticket.Number, "@Sam Agent do you know this VPN client? Alice Martin's laptop.", Internal: true));
        await Outbox().QueueAsync();

        var added = (await NotificationsAsync()).Skip(before).ToList();
        var mention = Assert.Single(added);
        Assert.Equal((_desk.Sam.UserId, NotificationKind.Mentioned, "Dana Agent"), (mention.UserId, mention.Kind, mention.ActorName));
        var mail = (await MailAsync()).Skip(mailBefore).ToList();
        Assert.Single(mail);
        Assert.DoesNotContain(mail, m => m.To.Contains("alice", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SwitchingOffAnEmailKindKeepsTheInAppNotification()
    {
        var ticket = await _desk.ATicket().RequestedBy(_desk.Alice).About("Screen flickers").AssignedTo(_desk.Dana);
        await Outbox().QueueAsync();
        var inbox = _db.Get<NotificationInbox>();
        await inbox.SetEmailAsync(_desk.Alice, NotificationKind.StaffReplied, on: false);
        Assert.DoesNotContain(NotificationKind.StaffReplied, await inbox.EmailKindsAsync(_desk.Alice));
        var mailBefore = (await MailAsync()).Count;

        await _desk.HandleAsync(_desk.Dana, new AddComment(ticket.Number, "Which cable do you use?"));
        await Outbox().QueueAsync();

        Assert.Equal(mailBefore, (await MailAsync()).Count);
        Assert.Equal(1, await inbox.UnreadCountAsync(_desk.Alice));
        var item = Assert.Single(await inbox.RecentAsync(_desk.Alice));
        await inbox.MarkReadAsync(_desk.Bob, item.Id); // someone else's: nothing happens
        Assert.Equal(1, await inbox.UnreadCountAsync(_desk.Alice));
        await inbox.MarkAllReadAsync(_desk.Alice);
        Assert.Equal(0, await inbox.UnreadCountAsync(_desk.Alice));
    }
}
