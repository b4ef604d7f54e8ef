using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Data.DemoData;

/// <summary>
/// Office hours in Paris (Mon-Fri 08:00-18:00, French public holidays), a round-the-clock calendar
/// for P1, a policy per priority and one narrower policy (P2 at Infrastructure), seeded before the
/// demo tickets so each of them gets its clock.
/// </summary>
internal static class DemoSla
{
    public const string TimeZone = "Europe/Paris";
    public const string OfficeHours = "Office hours (Paris)";
    public const string AroundTheClock = "Around the clock";

    public static async Task SeedAsync(IDbContextFactory<HelpdeskDbContext> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var office = new SlaCalendar
        {
            Name = OfficeHours, TimeZoneId = TimeZone,
            Hours = [.. Enumerable.Range(1, 5).Select(d => new SlaWorkingHours { Day = d, StartMinute = 8 * 60, EndMinute = 18 * 60 })],
            Holidays =
            [
                new() { Date = new DateOnly(2026, 1, 1), Name = "New Year's Day", Yearly = true },
                new() { Date = new DateOnly(2026, 5, 1), Name = "Labour Day", Yearly = true },
                new() { Date = new DateOnly(2026, 7, 14), Name = "Bastille Day", Yearly = true },
                new() { Date = new DateOnly(2026, 12, 25), Name = "Christmas Day", Yearly = true },
                new() { Date = new DateOnly(2026, 4, 6), Name = "Easter Monday" },
                new() { Date = new DateOnly(2027, 3, 29), Name = "Easter Monday" },
            ],
        };
        var always = new SlaCalendar
        {
            Name = AroundTheClock, TimeZoneId = TimeZone,
            Hours = [.. Enumerable.Range(1, 7).Select(d => new SlaWorkingHours { Day = d, StartMinute = 0, EndMinute = 0 })],
        };
        db.SlaCalendars.AddRange(office, always);
        await db.SaveChangesAsync(ct);

        var infrastructure = await db.Teams.Where(t => t.Name == DemoAccounts.Infrastructure).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        SlaPolicy Policy(string name, Priority p, SlaCalendar calendar, int response, int resolution, int? teamId = null) => new()
        {
            Name = name, Priority = p, CalendarId = calendar.Id, FirstResponseMinutes = response, ResolutionMinutes = resolution, AtRiskPercent = 75, TeamId = teamId,
        };
        db.SlaPolicies.AddRange(
            Policy("P1 critical, around the clock", Priority.P1, always, 15, 4 * 60),
            Policy("P2 high", Priority.P2, office, 30, 8 * 60),
            Policy("P3 normal", Priority.P3, office, 2 * 60, 3 * 10 * 60),
            Policy("P4 low", Priority.P4, office, 8 * 60, 5 * 10 * 60),
            Policy("P5 planning", Priority.P5, office, 2 * 10 * 60, 10 * 10 * 60));
        if (infrastructure is { } team)
            db.SlaPolicies.Add(Policy("P2 infrastructure", Priority.P2, office, 20, 4 * 60, team));
        await db.SaveChangesAsync(ct);
    }
}
