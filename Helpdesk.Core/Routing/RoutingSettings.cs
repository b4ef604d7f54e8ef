using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Routing;

public sealed record TeamRoutingView(int TeamId, string TeamName, Tier TeamTier, AssignmentStrategy Strategy, IReadOnlyList<string> Members, string? LastAssigned);

public sealed record RoutingRuleView(int Id, int CategoryId, string CategoryName, Channel? Channel, int TeamId, string TeamName, Tier Tier);

public sealed record EscalationRuleView(int Id, string Name, bool IsActive, EscalationTrigger Trigger, int AfterMinutes, Priority? Priority,
    int? TeamId, Tier? EscalateTo, int? MoveToTeamId, bool NotifyLead, DateTime AppliesFrom, int Pending, int Fired);

/// <summary>Everything the routing admin page shows.</summary>
public sealed record RoutingOverview(IReadOnlyList<TeamRoutingView> Teams, IReadOnlyList<RoutingRuleView> Rules, IReadOnlyList<EscalationRuleView> Escalations);

/// <param name="Id">Null adds a rule.</param>
public sealed record RoutingRuleInput(int? Id, int CategoryId, Channel? Channel, int TeamId, Tier Tier);

/// <param name="Id">Null adds a rule.</param>
public sealed record EscalationRuleInput(int? Id, string Name, bool IsActive, EscalationTrigger Trigger, int AfterMinutes, Priority? Priority,
    int? TeamId, Tier? EscalateTo, int? MoveToTeamId, bool NotifyLead);

/// <summary>
/// Admins edit how tickets are distributed and escalated: team strategies, routing rules and
/// escalation rules. One writer at a time (the write gate); an escalation rule change rebuilds the
/// stored due times at once.
/// </summary>
public sealed class RoutingSettings(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    EscalationSchedule schedule,
    TimeProvider clock,
    IStringLocalizer<Messages> localizer,
    ILogger<RoutingSettings> log)
{
    public const int MaxMinutes = 60 * 24 * 365;

    public async Task<RoutingOverview?> GetAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Tier).ThenBy(t => t.Name).ToListAsync(ct);
        var routing = await db.TeamRouting.AsNoTracking().ToDictionaryAsync(r => r.TeamId, ct);
        var members = (await (from m in db.TeamMembers join u in db.Users on m.UserId equals u.Id
                              where u.IsActive orderby u.DisplayName select new { m.TeamId, u.Id, u.DisplayName }).ToListAsync(ct))
            .ToLookup(m => m.TeamId);
        var names = members.SelectMany(g => g).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().DisplayName);
        var teamViews = teams.Select(t =>
        {
            var r = routing.GetValueOrDefault(t.Id);
            return new TeamRoutingView(t.Id, t.Name, t.Tier, r?.Strategy ?? AssignmentStrategy.Manual,
                [.. members[t.Id].Select(m => m.DisplayName)], r?.LastAssignedUserId is { } last ? names.GetValueOrDefault(last) : null);
        }).ToList();

        var rules = await (from r in db.RoutingRules.AsNoTracking()
                           join c in db.Categories on r.CategoryId equals c.Id
                           join t in db.Teams on r.TeamId equals t.Id
                           orderby c.Name, r.Channel
                           select new RoutingRuleView(r.Id, r.CategoryId, c.Name, r.Channel, r.TeamId, t.Name, r.Tier)).ToListAsync(ct);

        var counts = await db.EscalationDue.AsNoTracking().GroupBy(d => new { d.RuleId, Fired = d.FiredAt != null })
            .Select(g => new { g.Key.RuleId, g.Key.Fired, N = g.Count() }).ToListAsync(ct);
        var escalations = (await db.EscalationRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct))
            .Select(r => new EscalationRuleView(r.Id, r.Name, r.IsActive, r.Trigger, r.AfterMinutes, r.Priority, r.TeamId, r.EscalateTo, r.MoveToTeamId,
                r.NotifyLead, r.AppliesFrom,
                counts.Where(c => c.RuleId == r.Id && !c.Fired).Sum(c => c.N), counts.Where(c => c.RuleId == r.Id && c.Fired).Sum(c => c.N)))
            .ToList();
        return new RoutingOverview(teamViews, rules, escalations);
    }

    public Task<Result<AssignmentStrategy>> SetStrategyAsync(Caller caller, int teamId, AssignmentStrategy strategy, CancellationToken ct = default) =>
        WriteAsync(caller, async db =>
        {
            if (!Enum.IsDefined(strategy)) return Invalid("Strategy", T("Choose a strategy."));
            if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return Invalid("TeamId", T("Choose a team."));
            var routing = await db.TeamRouting.SingleOrDefaultAsync(r => r.TeamId == teamId, ct);
            if (routing is null) db.TeamRouting.Add(routing = new TeamRouting { TeamId = teamId });
            routing.Strategy = strategy;
            log.LogInformation("Routing: team {Team} now {Strategy} (by {Admin})", teamId, strategy, caller.UserId);
            return Result<AssignmentStrategy>.Ok(strategy);
        }, ct);

    public Task<Result<int>> SaveRuleAsync(Caller caller, RoutingRuleInput input, CancellationToken ct = default) =>
        WriteAsync(caller, async db =>
        {
            var errors = new FieldErrors();
            if (!await db.Categories.AnyAsync(c => c.Id == input.CategoryId && c.IsActive, ct)) errors.Add(nameof(input.CategoryId), T("Choose a category."));
            if (input.Channel is { } channel && !Enum.IsDefined(channel)) errors.Add(nameof(input.Channel), T("Choose a channel."));
            if (!await db.Teams.AnyAsync(t => t.Id == input.TeamId, ct)) errors.Add(nameof(input.TeamId), T("Choose a team."));
            if (!Enum.IsDefined(input.Tier)) errors.Add(nameof(input.Tier), T("Choose a tier."));
            if (await db.RoutingRules.AnyAsync(r => r.CategoryId == input.CategoryId && r.Channel == input.Channel && r.Id != input.Id, ct))
                errors.Add(nameof(input.Channel), T("There is already a rule for this category and channel: edit that one."));
            RoutingRule? rule = null;
            if (input.Id is { } id && (rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct)) is null)
                return CommandError.NotFound(T("That rule no longer exists."));
            if (errors.Any) return CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());
            if (rule is null) db.RoutingRules.Add(rule = new RoutingRule());
            rule.CategoryId = input.CategoryId;
            rule.Channel = input.Channel;
            rule.TeamId = input.TeamId;
            rule.Tier = input.Tier;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Routing: rule {Rule} saved (by {Admin})", rule.Id, caller.UserId);
            return Result<int>.Ok(rule.Id);
        }, ct);

    public Task<Result<int>> DeleteRuleAsync(Caller caller, int id, CancellationToken ct = default) =>
        WriteAsync(caller, async db =>
        {
            var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null) return CommandError.NotFound(T("That rule no longer exists."));
            db.RoutingRules.Remove(rule);
            log.LogInformation("Routing: rule {Rule} deleted (by {Admin})", id, caller.UserId);
            return Result<int>.Ok(id);
        }, ct);

    public async Task<Result<int>> SaveEscalationRuleAsync(Caller caller, EscalationRuleInput input, CancellationToken ct = default)
    {
        var result = await WriteAsync(caller, async db =>
        {
            var errors = new FieldErrors();
            errors.Required(nameof(input.Name), input.Name, T("Name the rule (it is quoted in the note it leaves)."));
            errors.MaxLength(nameof(input.Name), input.Name, EscalationRule.NameMax, T("Keep the name under {0} characters.", EscalationRule.NameMax));
            if (input.AfterMinutes is < 1 or > MaxMinutes) errors.Add(nameof(input.AfterMinutes), T("Give a time between 1 minute and a year."));
            if (!Enum.IsDefined(input.Trigger)) errors.Add(nameof(input.Trigger), T("Choose when the rule fires."));
            if (input.Priority is { } p && !Enum.IsDefined(p)) errors.Add(nameof(input.Priority), T("Choose a priority."));
            if (input.EscalateTo is { } tier && !Enum.IsDefined(tier)) errors.Add(nameof(input.EscalateTo), T("Choose a tier."));
            if (input.EscalateTo is null && !input.NotifyLead) errors.Add(nameof(input.EscalateTo), T("Choose what the rule does: escalate, notify the lead, or both."));
            if (input.MoveToTeamId is not null && input.EscalateTo is null) errors.Add(nameof(input.MoveToTeamId), T("Handing over to another team is part of an escalation: choose a tier too."));
            foreach (var (field, team) in new[] { (nameof(input.TeamId), input.TeamId), (nameof(input.MoveToTeamId), input.MoveToTeamId) })
                if (team is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct)) errors.Add(field, T("Choose a team."));
            EscalationRule? rule = null;
            if (input.Id is { } id && (rule = await db.EscalationRules.SingleOrDefaultAsync(r => r.Id == id, ct)) is null)
                return CommandError.NotFound(T("That rule no longer exists."));
            if (errors.Any) return CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());
            // A new rule looks after tickets from now on; an edited one keeps its start.
            if (rule is null) db.EscalationRules.Add(rule = new EscalationRule { AppliesFrom = clock.GetUtcNow().UtcDateTime });
            rule.Name = input.Name.Trim();
            rule.IsActive = input.IsActive;
            rule.Trigger = input.Trigger;
            rule.AfterMinutes = input.AfterMinutes;
            rule.Priority = input.Priority;
            rule.TeamId = input.TeamId;
            rule.EscalateTo = input.EscalateTo;
            rule.MoveToTeamId = input.EscalateTo is null ? null : input.MoveToTeamId;
            rule.NotifyLead = input.NotifyLead;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Escalation: rule {Rule} \"{Name}\" saved (by {Admin})", rule.Id, rule.Name, caller.UserId);
            return Result<int>.Ok(rule.Id);
        }, ct);
        if (result.Succeeded) await schedule.ReconcileAsync(ct);
        return result;
    }

    public async Task<Result<int>> DeleteEscalationRuleAsync(Caller caller, int id, CancellationToken ct = default)
    {
        var result = await WriteAsync(caller, async db =>
        {
            var rule = await db.EscalationRules.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null) return CommandError.NotFound(T("That rule no longer exists."));
            // Its due rows go with it (cascade), fired ones included: the audit and notes keep what it did.
            db.EscalationRules.Remove(rule);
            log.LogInformation("Escalation: rule {Rule} deleted (by {Admin})", id, caller.UserId);
            return Result<int>.Ok(id);
        }, ct);
        return result;
    }

    private async Task<Result<TValue>> WriteAsync<TValue>(Caller caller, Func<HelpdeskDbContext, Task<Result<TValue>>> work, CancellationToken ct)
    {
        if (!caller.IsAdmin) return CommandError.Forbidden(T("Only admins can change routing."));
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work(db);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private CommandError Invalid(string field, string message) =>
        CommandError.Invalid(T("Please correct the highlighted fields."), new Dictionary<string, string[]> { [field] = [message] });

    private string T(string key, params object[] args) => localizer[key, args];
}
