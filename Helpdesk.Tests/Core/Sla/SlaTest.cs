using Helpdesk.Core.Events;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>
/// A fresh desk per test on a clock the test moves (it starts Monday 2 March 2026, 09:00 UTC =
/// 10:00 in Berlin), with a Berlin office-hours calendar (Mon-Fri 08:00-18:00) and a 24x7 one.
/// </summary>
public abstract class SlaTest : RoutingTest
{
    protected int Office { get; private set; }
    protected int AroundTheClock { get; private set; }

    protected SlaSettings Sla => Db.Get<SlaSettings>();
    protected SlaProcessor Processor => Db.Get<SlaProcessor>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Office = await CalendarAsync("Office hours", [.. Enumerable.Range(1, 5).Select(d => new WorkingHoursView(d, 8 * 60, 18 * 60))]);
        AroundTheClock = await CalendarAsync("Around the clock", [.. Enumerable.Range(1, 7).Select(d => new WorkingHoursView(d, 0, 0))]);
    }

    private async Task<int> CalendarAsync(string name, IReadOnlyList<WorkingHoursView> hours)
    {
        var saved = await Sla.SaveCalendarAsync(Desk.Admin, new SlaCalendarInput(null, name, "Europe/Berlin", hours, []), recalculateOpen: false);
        Assert.True(saved.Succeeded, saved.Error?.Message);
        return saved.Value;
    }

    protected async Task<int> PolicyAsync(Priority priority, int response, int resolution, int? calendar = null, int? id = null, int atRisk = 75,
        string? name = null, bool recalculate = false, int? teamId = null, int? categoryId = null)
    {
        var saved = await Sla.SavePolicyAsync(Desk.Admin,
            new SlaPolicyInput(id, name ?? $"{priority} policy", true, priority, categoryId, teamId, calendar ?? Office, response, resolution, atRisk), recalculate);
        Assert.True(saved.Succeeded, saved.Error?.Message);
        return saved.Value;
    }

    protected static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    protected async Task<List<TicketEventRecord>> SlaEventsAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await (from e in db.Events join t in db.Tickets on e.TicketId equals t.Id
                      where t.Number == number && (e.Kind == TicketEventKind.SlaAtRisk || e.Kind == TicketEventKind.SlaBreached)
                      orderby e.Id select e).ToListAsync();
    }

    protected async Task<List<SlaBreach>> BreachesAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await (from b in db.SlaBreaches join t in db.Tickets on b.TicketId equals t.Id where t.Number == number orderby b.Id select b).ToListAsync();
    }

    protected async Task<List<Helpdesk.Core.Tickets.AuditEntry>> AuditOfAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await (from a in db.Audit join t in db.Tickets on a.TicketId equals t.Id where t.Number == number orderby a.Id select a).ToListAsync();
    }

    protected async Task<int> VersionAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await db.Tickets.Where(t => t.Number == number).Select(t => t.Version).SingleAsync();
    }
}
