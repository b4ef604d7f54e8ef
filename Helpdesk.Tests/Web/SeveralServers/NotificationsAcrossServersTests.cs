using Helpdesk.Core.Notifications;
using Helpdesk.Core.Servers;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// Notifications are planned by one server (its job lease), while the person's screens may be on
/// the other: their bell still hears of a new notification at once.
/// </summary>
public sealed class NotificationsAcrossServersTests : TwoServersTest
{
    [Fact]
    public async Task ANotificationPlannedOnOneServerRingsTheBellOnTheOther()
    {
        JobLease? planner = null;
        await Eventually.TrueAsync(async () =>
            (planner = (await A.Services.GetRequiredService<JobLeaseStore>().AllAsync(default)).SingleOrDefault(l => l.Name == "notifications")) is not null,
            "a server plans notifications");
        var screens = planner!.Holder == A.Services.GetRequiredService<ServerInstance>().Id ? B : A;
        var alice = await screens.CallerAsync("alice@example.test");
        var lead = await screens.CallerAsync("lead@helpdesk.test");
        var sam = await screens.CallerAsync("sam@helpdesk.test");
        var unreadBefore = await screens.Services.GetRequiredService<NotificationInbox>().UnreadCountAsync(sam);
        var rang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // What Sam's bell does on his page, on the server that does not plan notifications.
        using var bell = screens.Services.GetRequiredService<NotificationFeed>().Watch(sam.UserId, () => { rang.TrySetResult(); return Task.CompletedTask; });

        var ticket = await screens.FileRequestAsync(alice, "Docking station not charging");
        await screens.Send(lead, new AssignTicket(ticket.Number, sam.UserId));

        await rang.Task.WaitAsync(HubInbox.Wait);
        Assert.Equal(unreadBefore + 1, await screens.Services.GetRequiredService<NotificationInbox>().UnreadCountAsync(sam));
    }
}
