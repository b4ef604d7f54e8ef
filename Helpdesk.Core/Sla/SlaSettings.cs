using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Helpdesk.Core.Sla;

public sealed record WorkingHoursView(int Day, int StartMinute, int EndMinute);

public sealed record HolidayView(DateOnly Date, string Name, bool Yearly);

public sealed record SlaCalendarView(int Id, string Name, string TimeZoneId, IReadOnlyList<WorkingHoursView> Hours, IReadOnlyList<HolidayView> Holidays, int Policies);

public sealed record SlaPolicyView(int Id, string Name, bool IsActive, Priority Priority, int? CategoryId, string? CategoryName, int? TeamId, string? TeamName,
    int CalendarId, string CalendarName, int FirstResponseMinutes, int ResolutionMinutes, int AtRiskPercent, int OpenTickets);

public sealed record NamedId(int Id, string Name);

/// <summary>Everything the SLA admin page shows, with the categories and teams a policy may narrow to.</summary>
public sealed record SlaOverview(IReadOnlyList<SlaCalendarView> Calendars, IReadOnlyList<SlaPolicyView> Policies, IReadOnlyList<NamedId> Categories, IReadOnlyList<NamedId> Teams);

/// <param name="Id">Null adds a calendar.</param>
public sealed record SlaCalendarInput(int? Id, string Name, string TimeZoneId, IReadOnlyList<WorkingHoursView> Hours, IReadOnlyList<HolidayView> Holidays);

/// <param name="Id">Null adds a policy.</param>
public sealed record SlaPolicyInput(int? Id, string Name, bool IsActive, Priority Priority, int? CategoryId, int? TeamId, int CalendarId,
    int FirstResponseMinutes, int ResolutionMinutes, int AtRiskPercent);

/// <summary>
/// Admins edit business calendars and SLA policies. Tickets keep the targets they were given: a
/// policy change applies to new tickets, and to open ones only with <c>recalculateOpen</c>, which
/// asks the SLA service to choose their policy again (restart-safe: the request is stored per ticket).
/// A calendar is read live, so its edits count from each ticket's next change, or at once when asked.
/// </summary>
public sealed class SlaSettings(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    TimeProvider clock,
    IStringLocalizer<Messages> localizer,
    ILogger<SlaSettings> log)
{
    public const int MaxMinutes = 60 * 24 * 365;

    public async Task<SlaOverview?> GetAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var calendars = await db.SlaCalendars.AsNoTracking().Include(c => c.Hours).Include(c => c.Holidays).OrderBy(c => c.Name).ToListAsync(ct);
        var policies = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Priority).ThenBy(p => p.Name).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => new NamedId(c.Id, c.Name)).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedId(t.Id, t.Name)).ToListAsync(ct);
        var open = await (from s in db.TicketSla join t in db.Tickets on s.TicketId equals t.Id
                          where t.IsOpen && s.PolicyId != null
                          group s by s.PolicyId into g select new { Id = g.Key!.Value, N = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.N, ct);
        return new SlaOverview(
            [.. calendars.Select(c => new SlaCalendarView(c.Id, c.Name, c.TimeZoneId,
                [.. c.Hours.OrderBy(h => h.Day).ThenBy(h => h.StartMinute).Select(h => new WorkingHoursView(h.Day, h.StartMinute, h.EndMinute))],
                [.. c.Holidays.OrderBy(h => h.Date).Select(h => new HolidayView(h.Date, h.Name, h.Yearly))],
                policies.Count(p => p.CalendarId == c.Id)))],
            [.. policies.Select(p => new SlaPolicyView(p.Id, p.Name, p.IsActive, p.Priority, p.CategoryId, categories.FirstOrDefault(c => c.Id == p.CategoryId)?.Name,
                p.TeamId, teams.FirstOrDefault(t => t.Id == p.TeamId)?.Name, p.CalendarId, calendars.First(c => c.Id == p.CalendarId).Name,
                p.FirstResponseMinutes, p.ResolutionMinutes, p.AtRiskPercent, open.GetValueOrDefault(p.Id)))],
            categories, teams);
    }

    public Task<Result<int>> SaveCalendarAsync(Caller caller, SlaCalendarInput input, bool recalculateOpen, CancellationToken ct = default) =>
        WriteAsync<int>(caller, async db =>
        {
            var errors = new FieldErrors();
            errors.Required(nameof(input.Name), input.Name, T("Name the calendar."));
            errors.MaxLength(nameof(input.Name), input.Name, SlaCalendar.NameMax, T("Keep the name under {0} characters.", SlaCalendar.NameMax));
            var name = input.Name?.Trim() ?? "";
            if (name.Length > 0 && await db.SlaCalendars.AnyAsync(c => c.Name == name && c.Id != input.Id, ct))
                errors.Add(nameof(input.Name), T("Another calendar has this name."));
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(input.TimeZoneId ?? "") is null)
                errors.Add(nameof(input.TimeZoneId), T("Choose a time zone from the list (for example Europe/Berlin)."));
            if (input.Hours.Count == 0) errors.Add(nameof(input.Hours), T("Give at least one working day."));
            for (var i = 0; i < input.Hours.Count; i++)
            {
                var h = input.Hours[i];
                if (h.Day is < 1 or > 7) errors.Add($"Hours[{i}].Day", T("Choose a day."));
                if (h.StartMinute is < 0 or >= 24 * 60 || h.EndMinute is < 0 or >= 24 * 60) errors.Add($"Hours[{i}]", T("Give times between 00:00 and 23:59."));
            }
            for (var i = 0; i < input.Holidays.Count; i++)
            {
                var h = input.Holidays[i];
                errors.Required($"Holidays[{i}].Name", h.Name, T("Name the holiday."));
                errors.MaxLength($"Holidays[{i}].Name", h.Name, SlaHoliday.NameMax, T("Keep the name under {0} characters.", SlaHoliday.NameMax));
                if (input.Holidays.Take(i).Any(o => o.Date == h.Date)) errors.Add($"Holidays[{i}].Date", T("This date is already a holiday."));
            }
            var calendar = input.Id is { } id ? await db.SlaCalendars.Include(c => c.Hours).Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == id, ct) : null;
            if (input.Id is not null && calendar is null) return CommandError.NotFound(T("That calendar no longer exists."));
            if (errors.Any) return CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());

            if (calendar is null) db.SlaCalendars.Add(calendar = new SlaCalendar());
            calendar.Name = name;
            calendar.TimeZoneId = input.TimeZoneId!;
            calendar.Hours.Clear();
            calendar.Hours.AddRange(input.Hours.Select(h => new SlaWorkingHours { Day = h.Day, StartMinute = h.StartMinute, EndMinute = h.EndMinute }));
            calendar.Holidays.Clear();
            calendar.Holidays.AddRange(input.Holidays.Select(h => new SlaHoliday { Date = h.Date, Name = h.Name.Trim(), Yearly = h.Yearly }));
            await db.SaveChangesAsync(ct);
            if (recalculateOpen)
                await MarkOpenAsync(db, db.TicketSla.Where(s => s.CalendarId == calendar.Id), choosePolicy: false, ct);
            log.LogInformation("SLA calendar {Calendar} saved by {Actor}", calendar.Name, caller.UserId);
            return calendar.Id;
        }, ct);

    public Task<Result<bool>> DeleteCalendarAsync(Caller caller, int id, CancellationToken ct = default) =>
        WriteAsync<bool>(caller, async db =>
        {
            var calendar = await db.SlaCalendars.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (calendar is null) return CommandError.NotFound(T("That calendar no longer exists."));
            if (await db.SlaPolicies.AnyAsync(p => p.CalendarId == id, ct))
                return CommandError.Invalid(T("Please correct the highlighted fields."),
                    new Dictionary<string, string[]> { ["CalendarId"] = [T("Policies use this calendar: give them another one first.")] });
            db.SlaCalendars.Remove(calendar);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    public Task<Result<int>> SavePolicyAsync(Caller caller, SlaPolicyInput input, bool recalculateOpen, CancellationToken ct = default) =>
        WriteAsync<int>(caller, async db =>
        {
            var errors = new FieldErrors();
            errors.Required(nameof(input.Name), input.Name, T("Name the policy (agents see it on the ticket)."));
            errors.MaxLength(nameof(input.Name), input.Name, SlaPolicy.NameMax, T("Keep the name under {0} characters.", SlaPolicy.NameMax));
            if (!Enum.IsDefined(input.Priority)) errors.Add(nameof(input.Priority), T("Choose a priority."));
            if (input.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c, ct)) errors.Add(nameof(input.CategoryId), T("Choose a category."));
            if (input.TeamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct)) errors.Add(nameof(input.TeamId), T("Choose a team."));
            if (!await db.SlaCalendars.AnyAsync(x => x.Id == input.CalendarId, ct)) errors.Add(nameof(input.CalendarId), T("Choose a calendar."));
            if (input.FirstResponseMinutes is < 1 or > MaxMinutes) errors.Add(nameof(input.FirstResponseMinutes), T("Give a time between 1 minute and a year."));
            if (input.ResolutionMinutes is < 1 or > MaxMinutes) errors.Add(nameof(input.ResolutionMinutes), T("Give a time between 1 minute and a year."));
            else if (input.ResolutionMinutes < input.FirstResponseMinutes) errors.Add(nameof(input.ResolutionMinutes), T("Resolution cannot be due before the first response."));
            if (input.AtRiskPercent is < 1 or > 99) errors.Add(nameof(input.AtRiskPercent), T("Give a share between 1 and 99 %."));
            if (input.IsActive && await db.SlaPolicies.AnyAsync(p => p.IsActive && p.Id != input.Id && p.Priority == input.Priority
                    && p.CategoryId == input.CategoryId && p.TeamId == input.TeamId, ct))
                errors.Add(nameof(input.Priority), T("An active policy already covers this priority, category and team: edit that one."));
            var policy = input.Id is { } id ? await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, ct) : null;
            if (input.Id is not null && policy is null) return CommandError.NotFound(T("That policy no longer exists."));
            if (errors.Any) return CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());

            var oldPriority = policy?.Priority;
            if (policy is null) db.SlaPolicies.Add(policy = new SlaPolicy());
            policy.Name = input.Name.Trim();
            policy.IsActive = input.IsActive;
            policy.Priority = input.Priority;
            policy.CategoryId = input.CategoryId;
            policy.TeamId = input.TeamId;
            policy.CalendarId = input.CalendarId;
            policy.FirstResponseMinutes = input.FirstResponseMinutes;
            policy.ResolutionMinutes = input.ResolutionMinutes;
            policy.AtRiskPercent = input.AtRiskPercent;
            await db.SaveChangesAsync(ct);
            if (recalculateOpen) await RecalculatePriorityAsync(db, [input.Priority, oldPriority ?? input.Priority], ct);
            log.LogInformation("SLA policy {Policy} saved by {Actor} (recalculate open: {Recalculate})", policy.Name, caller.UserId, recalculateOpen);
            return policy.Id;
        }, ct);

    public Task<Result<bool>> DeletePolicyAsync(Caller caller, int id, bool recalculateOpen, CancellationToken ct = default) =>
        WriteAsync<bool>(caller, async db =>
        {
            var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (policy is null) return CommandError.NotFound(T("That policy no longer exists."));
            db.SlaPolicies.Remove(policy);
            await db.SaveChangesAsync(ct);
            if (recalculateOpen) await RecalculatePriorityAsync(db, [policy.Priority], ct);
            return true;
        }, ct);

    /// <summary>Open tickets of these priorities choose their policy again at the SLA service's next poll (a ticket without a clock yet gets one).</summary>
    private async Task RecalculatePriorityAsync(HelpdeskDbContext db, Priority[] priorities, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = await db.Tickets.Where(t => t.IsOpen && priorities.Contains(t.Priority) && !db.TicketSla.Any(s => s.TicketId == t.Id))
            .Select(t => new { t.Id, t.Priority, t.CategoryId, t.TeamId }).ToListAsync(ct);
        db.TicketSla.AddRange(missing.Select(t => new TicketSla
        {
            TicketId = t.Id, Priority = t.Priority, CategoryId = t.CategoryId, TeamId = t.TeamId, Recalculate = true, NextCheckAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await MarkOpenAsync(db, db.TicketSla.Where(s => priorities.Contains(s.Priority)), choosePolicy: true, ct);
    }

    private async Task MarkOpenAsync(HelpdeskDbContext db, IQueryable<TicketSla> clocks, bool choosePolicy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await clocks.Where(s => db.Tickets.Any(t => t.Id == s.TicketId && t.IsOpen))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextCheckAt, now).SetProperty(s => s.Recalculate, s => s.Recalculate || choosePolicy), ct);
        log.LogInformation("SLA: {Count} open ticket(s) will be recalculated", marked);
    }

    private async Task<Result<TValue>> WriteAsync<TValue>(Caller caller, Func<HelpdeskDbContext, Task<Result<TValue>>> work, CancellationToken ct)
    {
        if (!caller.IsAdmin) return CommandError.Forbidden(T("Only admins can change SLA policies and calendars."));
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work(db);
        if (result.Succeeded) await tx.CommitAsync(ct);
        return result;
    }

    private string T(string key, params object[] args) => localizer[key, args];
}
