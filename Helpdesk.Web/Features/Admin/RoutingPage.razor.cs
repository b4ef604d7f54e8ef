using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Helpdesk.Web.Features.Admin;

/// <summary>Admins edit team strategies, routing rules and escalation rules (all persisted through <see cref="RoutingSettings"/>).</summary>
public partial class RoutingPage
{
    [Inject] private CurrentCaller CurrentCaller { get; set; } = default!;
    [Inject] private RoutingSettings Settings { get; set; } = default!;
    [Inject] private CategoryQueries Categories { get; set; } = default!;
    [Inject] private PeopleQueries People { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private Caller? _caller;
    private RoutingOverview? _overview;
    private IReadOnlyList<CategoryOption> _categories = [];
    private IReadOnlyList<TeamOption> _teams = [];
    private RuleForm? _rule;
    private IReadOnlyDictionary<string, string[]> _ruleErrors = new Dictionary<string, string[]>();
    private EscalationForm? _escalation;
    private IReadOnlyDictionary<string, string[]> _escalationErrors = new Dictionary<string, string[]>();

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentCaller.GetAsync();
        if (_caller is null) return;
        _categories = await Categories.ActiveAsync();
        _teams = await People.TeamsAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _overview = await Settings.GetAsync(_caller!);

    private async Task SetStrategyAsync(TeamRoutingView team, AssignmentStrategy strategy)
    {
        var result = await Settings.SetStrategyAsync(_caller!, team.TeamId, strategy);
        Report(result.Error, L["{0}: {1}", team.TeamName, StrategyName(strategy)]);
        await ReloadAsync();
    }

    private void EditRule(RoutingRuleView? rule)
    {
        _ruleErrors = new Dictionary<string, string[]>();
        _rule = rule is null
            ? new RuleForm { CategoryId = _categories.FirstOrDefault()?.Id ?? 0, TeamId = _teams.FirstOrDefault()?.Id ?? 0 }
            : new RuleForm { Id = rule.Id, CategoryId = rule.CategoryId, Channel = rule.Channel, TeamId = rule.TeamId, Tier = rule.Tier };
    }

    private async Task SaveRuleAsync()
    {
        var f = _rule!;
        var result = await Settings.SaveRuleAsync(_caller!, new RoutingRuleInput(f.Id, f.CategoryId, f.Channel, f.TeamId, f.Tier));
        if (!result.Succeeded && result.Error!.Kind == ErrorKind.Validation)
        {
            _ruleErrors = result.Error.Fields;
            return;
        }
        Report(result.Error, L["Routing rule saved"]);
        _rule = null;
        await ReloadAsync();
    }

    private async Task DeleteRuleAsync(RoutingRuleView rule)
    {
        Report((await Settings.DeleteRuleAsync(_caller!, rule.Id)).Error, L["Routing rule deleted"]);
        await ReloadAsync();
    }

    private void EditEscalation(EscalationRuleView? rule)
    {
        _escalationErrors = new Dictionary<string, string[]>();
        if (rule is null)
        {
            _escalation = new EscalationForm { Name = "", Amount = 15, Unit = 1, NotifyLead = true };
            return;
        }
        var unit = rule.AfterMinutes % 1440 == 0 ? 1440 : rule.AfterMinutes % 60 == 0 ? 60 : 1;
        _escalation = new EscalationForm
        {
            Id = rule.Id, Name = rule.Name, IsActive = rule.IsActive, Trigger = rule.Trigger, Amount = rule.AfterMinutes / unit, Unit = unit,
            Priority = rule.Priority, TeamId = rule.TeamId, EscalateTo = rule.EscalateTo, MoveToTeamId = rule.MoveToTeamId, NotifyLead = rule.NotifyLead,
        };
    }

    private async Task SaveEscalationAsync()
    {
        var f = _escalation!;
        var minutes = (long)f.Amount * f.Unit;
        var result = await Settings.SaveEscalationRuleAsync(_caller!, new EscalationRuleInput(f.Id, f.Name ?? "", f.IsActive, f.Trigger,
            (int)Math.Clamp(minutes, 0, int.MaxValue), f.Priority, f.TeamId, f.EscalateTo, f.MoveToTeamId, f.NotifyLead));
        if (!result.Succeeded && result.Error!.Kind == ErrorKind.Validation)
        {
            _escalationErrors = result.Error.Fields;
            return;
        }
        Report(result.Error, L["Escalation rule saved"]);
        _escalation = null;
        await ReloadAsync();
    }

    private async Task DeleteEscalationAsync(EscalationRuleView rule)
    {
        Report((await Settings.DeleteEscalationRuleAsync(_caller!, rule.Id)).Error, L["Escalation rule deleted"]);
        await ReloadAsync();
    }

    private void Report(CommandError? error, string success)
    {
        if (error is null) Snackbar.Add(success, Severity.Success);
        else Snackbar.Add(error.Fields.Values.SelectMany(v => v).FirstOrDefault() ?? error.Message, Severity.Error);
    }

    private static string? ErrorOf(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string CategoryPath(int id, string fallback) => _categories.FirstOrDefault(c => c.Id == id)?.Path ?? fallback;

    private string? TeamName(int? id) => id is { } t ? _teams.FirstOrDefault(x => x.Id == t)?.Name : null;

    private string StrategyName(AssignmentStrategy s) => s switch
    {
        AssignmentStrategy.RoundRobin => L["Round robin"],
        AssignmentStrategy.LeastLoaded => L["Least loaded"],
        AssignmentStrategy.SkillBased => L["Skill based"],
        _ => L["Manual"],
    };

    private string StrategyHelp(AssignmentStrategy s) => s switch
    {
        AssignmentStrategy.RoundRobin => L["Members in turn, by name, after whoever got the last one."],
        AssignmentStrategy.LeastLoaded => L["The lightest load (open tickets weighted P1 = 5, P2 = 3, P3 = 2, P4/P5 = 1); ties in turn."],
        AssignmentStrategy.SkillBased => L["Members with a skill for the ticket's category; among them, the lightest load."],
        _ => L["Nobody is chosen: tickets wait in the team queue."],
    };

    private string PriorityScope(Priority p) => p == Priority.P1 ? L["P1 only"] : L["{0} or more urgent", p];

    private string Describe(EscalationTrigger trigger, int minutes)
    {
        var span = minutes % 1440 == 0 ? L["{0} d", minutes / 1440] : minutes % 60 == 0 ? L["{0} h", minutes / 60] : L["{0} min", minutes];
        return trigger == EscalationTrigger.NotTaken ? L["Not taken within {0}", span] : L["Open longer than {0}", span];
    }

    private string Actions(EscalationRuleView e)
    {
        var parts = new List<string>();
        if (e.EscalateTo is { } tier)
            parts.Add(e.MoveToTeamId is { } team ? L["escalate to {0} in {1}", tier, TeamName(team) ?? "?"] : L["escalate to {0}", tier]);
        if (e.NotifyLead) parts.Add(L["notify the lead"]);
        return string.Join(" + ", parts);
    }

    private sealed class RuleForm
    {
        public int? Id { get; init; }
        public int CategoryId { get; set; }
        public Channel? Channel { get; set; }
        public int TeamId { get; set; }
        public Tier Tier { get; set; } = Tier.L1;
    }

    private sealed class EscalationForm
    {
        public int? Id { get; init; }
        public string? Name { get; set; }
        public bool IsActive { get; set; } = true;
        public EscalationTrigger Trigger { get; set; }
        public int Amount { get; set; }
        public int Unit { get; set; } = 1;
        public Priority? Priority { get; set; }
        public int? TeamId { get; set; }
        public Tier? EscalateTo { get; set; }
        public int? MoveToTeamId { get; set; }
        public bool NotifyLead { get; set; }
    }
}
