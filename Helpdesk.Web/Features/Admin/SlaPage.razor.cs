using System.Globalization;
using Helpdesk.Core.Application;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace Helpdesk.Web.Features.Admin;

/// <summary>Admins edit SLA policies and business calendars (persisted through <see cref="SlaSettings"/>); every field error shows at once.</summary>
public partial class SlaPage
{
    [Inject] private CurrentCaller CurrentCaller { get; set; } = default!;
    [Inject] private SlaSettings Settings { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private Caller? _caller;
    private SlaOverview? _overview;
    private PolicyForm? _policy;
    private CalendarForm? _calendar;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentCaller.GetAsync();
        if (_caller is not null) await ReloadAsync();
    }

    private async Task ReloadAsync() => _overview = await Settings.GetAsync(_caller!);

    private void EditPolicy(SlaPolicyView? p)
    {
        _calendar = null;
        _errors = new Dictionary<string, string[]>();
        _policy = p is null
            ? new PolicyForm { CalendarId = _overview!.Calendars.FirstOrDefault()?.Id ?? 0 }
            : new PolicyForm
            {
                Id = p.Id, Name = p.Name, IsActive = p.IsActive, Priority = p.Priority, CategoryId = p.CategoryId, TeamId = p.TeamId, CalendarId = p.CalendarId,
                FirstResponseMinutes = p.FirstResponseMinutes, ResolutionMinutes = p.ResolutionMinutes, AtRiskPercent = p.AtRiskPercent,
            };
    }

    private async Task SavePolicyAsync()
    {
        var f = _policy!;
        var result = await Settings.SavePolicyAsync(_caller!, new SlaPolicyInput(f.Id, f.Name, f.IsActive, f.Priority, f.CategoryId, f.TeamId, f.CalendarId,
            f.FirstResponseMinutes, f.ResolutionMinutes, f.AtRiskPercent), f.Recalculate);
        if (Report(result.Error, L["Policy {0} saved.", f.Name])) _policy = null;
        await ReloadAsync();
    }

    private async Task DeletePolicyAsync()
    {
        var f = _policy!;
        var result = await Settings.DeletePolicyAsync(_caller!, f.Id!.Value, f.Recalculate);
        if (Report(result.Error, L["Policy {0} deleted.", f.Name])) _policy = null;
        await ReloadAsync();
    }

    private void EditCalendar(SlaCalendarView? c)
    {
        _policy = null;
        _errors = new Dictionary<string, string[]>();
        _calendar = new CalendarForm
        {
            Id = c?.Id, Name = c?.Name ?? "", TimeZoneId = c?.TimeZoneId ?? "Europe/Paris",
            Days = [.. Enumerable.Range(1, 7).Select(d => c?.Hours.FirstOrDefault(h => h.Day == d) is { } h
                ? new DayForm { Day = d, Works = true, Start = Clock(h.StartMinute), End = Clock(h.EndMinute) }
                : new DayForm { Day = d, Works = c is null && d <= 5 })],
            Holidays = [.. (c?.Holidays ?? []).Select(h => new HolidayForm { Date = h.Date.ToDateTime(TimeOnly.MinValue), Name = h.Name, Yearly = h.Yearly })],
        };
    }

    private async Task SaveCalendarAsync()
    {
        var c = _calendar!;
        // A day whose times do not parse is sent as an impossible span so the server names it with the rest.
        var hours = c.Days.Where(d => d.Works).Select(d => new WorkingHoursView(d.Day, Parse(d.Start) ?? -1, Parse(d.End) ?? -1)).ToList();
        var holidays = c.Holidays.Select(h => new HolidayView(DateOnly.FromDateTime(h.Date ?? DateTime.Today), h.Name ?? "", h.Yearly)).ToList();
        var result = await Settings.SaveCalendarAsync(_caller!, new SlaCalendarInput(c.Id, c.Name, c.TimeZoneId ?? "", hours, holidays), c.Recalculate);
        if (Report(result.Error, L["Calendar {0} saved.", c.Name])) _calendar = null;
        await ReloadAsync();
    }

    private bool Report(CommandError? error, string success)
    {
        if (error is null)
        {
            _errors = new Dictionary<string, string[]>();
            Snackbar.Add(success, Severity.Success);
            return true;
        }
        _errors = error.Fields;
        if (error.Fields.Count == 0 || error.Fields.Keys.Any(k => k.StartsWith("Hours", StringComparison.Ordinal)))
            Snackbar.Add(error.Fields.Count == 0 ? error.Message : string.Join(" ", error.Fields.Where(e => e.Key.StartsWith("Hours", StringComparison.Ordinal)).SelectMany(e => e.Value)), Severity.Error);
        return false;
    }

    private bool Has(string field) => _errors.ContainsKey(field);
    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    private Task<IEnumerable<string>> SearchZones(string? text, CancellationToken _) =>
        Task.FromResult(DateTimeZoneProviders.Tzdb.Ids.Where(id => string.IsNullOrWhiteSpace(text) || id.Contains(text, StringComparison.OrdinalIgnoreCase)));

    private string Minutes(int minutes) => minutes % 60 == 0 ? L["{0} h", minutes / 60] : L["{0} min", minutes];

    private static string DayName(int isoDay) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)(isoDay % 7));

    private string Span(WorkingHoursView h) => h.StartMinute == 0 && h.EndMinute == 0 ? L["all day"] : $"{Clock(h.StartMinute)}–{Clock(h.EndMinute)}";

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private static int? Parse(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute : null;

    private sealed class PolicyForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public bool IsActive { get; set; } = true;
        public Priority Priority { get; set; } = Priority.P3;
        public int? CategoryId { get; set; }
        public int? TeamId { get; set; }
        public int CalendarId { get; set; }
        public int FirstResponseMinutes { get; set; } = 60;
        public int ResolutionMinutes { get; set; } = 480;
        public int AtRiskPercent { get; set; } = 75;
        public bool Recalculate { get; set; }
    }

    private sealed class CalendarForm
    {
        public int? Id { get; init; }
        public string Name { get; set; } = "";
        public string? TimeZoneId { get; set; }
        public List<DayForm> Days { get; init; } = [];
        public List<HolidayForm> Holidays { get; init; } = [];
        public bool Recalculate { get; set; }
    }

    private sealed class DayForm
    {
        public int Day { get; init; }
        public bool Works { get; set; }
        public string? Start { get; set; } = "08:00";
        public string? End { get; set; } = "18:00";
    }

    private sealed class HolidayForm
    {
        public DateTime? Date { get; set; } = DateTime.Today;
        public string? Name { get; set; }
        public bool Yearly { get; set; }
    }
}
