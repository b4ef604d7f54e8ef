using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Routing;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Reports;

/// <summary>
/// Four tickets whose every report figure the tests work out by hand. Report days are UTC days
/// ("Reports:TimeZone" = UTC). The clock starts Monday 2 March 2026, 09:00 and ends Monday 9 March, 12:00.
/// <code>
/// T1 Web   General P4 Alice  Mon 2 09:00  reply 09:30 (0.5 h)  resolved 11:00, reopened Tue 15:00, resolved Tue 16:00
///                                         resolution 31 h - 28 h stood resolved = 3 h; SLA P4 (1 h / 4 h, 24x7) met
/// T2 Email Network P2 Bob    Mon 2 09:00  reply 10:00 (1 h)    pending Mon 12:00 - Tue 12:00, resolved Tue 14:00
///                                         resolution 29 h - 24 h pending = 5 h; SLA P2 (2 h / 6 h) met only thanks to the pause
/// T3 Phone Laptop  P3 Alice  Fri 6 17:00  reply Mon 9 09:00 (64 h over the weekend), escalated L1 -> L2; no SLA policy for P3
///        "RE: VPN drops after 5 min", asset PC-1234
/// T4 Web   General P4 Bob    Mon 9 10:00  no reply: first response breached at 11:00 (recorded by the 12:00 check)
///        "vpn drops after 10 min!"
/// </code>
/// </summary>
public sealed class ReportsDesk : IAsyncLifetime
{
    public FakeClock Clock { get; } = new();
    public TestDatabase Db { get; private set; } = null!;
    public Desk Desk { get; private set; } = null!;
    public Caller Lead { get; private set; } = null!;
    public int T1 { get; private set; }
    public int T2 { get; private set; }
    public int T3 { get; private set; }
    public int T4 { get; private set; }

    public static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IOnlineAgents>(new FakeOnline());
        }, new Dictionary<string, string?> { ["Reports:TimeZone"] = "UTC" });
        Desk = await Desk.CreateAsync(Db);
        Lead = await Db.AStaffMemberAsync("Lee Lead", [Roles.TeamLead, Roles.Agent], [Desk.ServiceDesk]);

        var sla = Db.Get<SlaSettings>();
        var calendar = (await sla.SaveCalendarAsync(Desk.Admin, new SlaCalendarInput(null, "Around the clock", "UTC",
            [.. Enumerable.Range(1, 7).Select(d => new WorkingHoursView(d, 0, 0))], []), recalculateOpen: false)).Value;
        Assert.True((await sla.SavePolicyAsync(Desk.Admin, new SlaPolicyInput(null, "P4", true, Priority.P4, null, null, calendar, 60, 240, 75), false)).Succeeded);
        Assert.True((await sla.SavePolicyAsync(Desk.Admin, new SlaPolicyInput(null, "P2", true, Priority.P2, null, null, calendar, 120, 360, 75), false)).Succeeded);

        // Monday 2 March, 09:00
        T1 = await FileAsync(Desk.Alice, Desk.General, Channel.Web, Impact.Individual, Urgency.Soon, "Printer jams");
        T2 = await FileAsync(Desk.Bob, Desk.Network, Channel.Email, Impact.Team, Urgency.BlocksWork, "Switch down on floor 2");
        await At(Utc(3, 2, 9, 30), Desk.Dana, new AddComment(T1, "Looking into it."));
        await At(Utc(3, 2, 10), Desk.Ines, new AddComment(T2, "On my way."));
        await At(Utc(3, 2, 11), Desk.Admin, new ChangeStatus(T1, TicketStatus.Open));
        await At(Utc(3, 2, 11), Desk.Admin, new ChangeStatus(T1, TicketStatus.Resolved, Resolution: "Fuser replaced."));
        await At(Utc(3, 2, 12), Desk.Admin, new ChangeStatus(T2, TicketStatus.Open));
        await At(Utc(3, 2, 12), Desk.Admin, new ChangeStatus(T2, TicketStatus.Pending));
        await At(Utc(3, 3, 12), Desk.Admin, new ChangeStatus(T2, TicketStatus.Open));
        await At(Utc(3, 3, 14), Desk.Admin, new ChangeStatus(T2, TicketStatus.Resolved, Resolution: "Switch replaced."));
        await At(Utc(3, 3, 15), Desk.Admin, new ChangeStatus(T1, TicketStatus.Reopened));
        await At(Utc(3, 3, 16), Desk.Admin, new ChangeStatus(T1, TicketStatus.Resolved, Resolution: "Tray 2 replaced too."));
        // Friday 6 March, 17:00
        MoveTo(Utc(3, 6, 17));
        T3 = await FileAsync(Desk.Alice, Desk.Laptop, Channel.Phone, Impact.Individual, Urgency.BlocksWork, "RE: VPN drops after 5 min", new SystemDetails { AssetTag = "PC-1234" });
        await At(Utc(3, 9, 9), Desk.Dana, new AddComment(T3, "Can you try the new client?"));
        await At(Utc(3, 9, 9), Desk.Admin, new EscalateTicket(T3, Tier.L2, "Needs the network team.", Desk.Infrastructure));
        MoveTo(Utc(3, 9, 10));
        T4 = await FileAsync(Desk.Bob, Desk.General, Channel.Web, Impact.Individual, Urgency.Soon, "vpn drops after 10 min!");
        MoveTo(Utc(3, 9, 12));
        await Db.Get<SlaProcessor>().RunDueAsync();
    }

    private void MoveTo(DateTime utc)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        Assert.True(utc >= now, $"The clock runs forward: {utc:O} is before {now:O}.");
        Clock.Advance(utc - now);
    }

    private async Task At<TCommand>(DateTime utc, Caller caller, TCommand command)
    {
        MoveTo(utc);
        var result = await Desk.HandleAsync(caller, command);
        Assert.True(result.Succeeded, $"{command}: {result.Error?.Message}");
    }

    private async Task<int> FileAsync(Caller requester, int category, Channel channel, Impact impact, Urgency urgency, string subject, SystemDetails? system = null)
    {
        var result = await Desk.HandleAsync(requester, new CreateTicket(new NewTicketData
        {
            RequesterId = requester.UserId, CategoryId = category, Subject = subject, Description = "As the subject says.",
            Impact = impact, Urgency = urgency, Channel = channel, System = system,
        }));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!.Number;
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
