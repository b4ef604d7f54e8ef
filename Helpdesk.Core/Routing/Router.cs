using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Routing;

/// <summary>Where a new ticket goes: a team and tier (<see cref="RoutingRule"/>s, else the category's default).</summary>
public sealed record Destination(int TeamId, Tier Tier);

/// <summary>
/// Automatic distribution of new tickets, called by <c>CreateTicket</c> inside its transaction: the
/// destination team and tier, then (by the team's <see cref="AssignmentStrategy"/>) an available
/// agent. Available means marked available (not away), online, active, in the team, and of the
/// ticket's tier or above. Nobody available: the ticket waits unassigned in the team's queue.
/// </summary>
public sealed class Router(IOnlineAgents online)
{
    public static async Task<Destination> DestinationAsync(HelpdeskDbContext db, Category category, Channel channel, CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.CategoryId == category.Id && (r.Channel == channel || r.Channel == null)).ToListAsync(ct);
        var rule = rules.FirstOrDefault(r => r.Channel == channel) ?? rules.FirstOrDefault(r => r.Channel == null);
        return rule is null ? new(category.DefaultTeamId, category.DefaultTier) : new(rule.TeamId, rule.Tier);
    }

    /// <summary>
    /// Assigns an unassigned new ticket by its team's strategy and leaves an internal note saying
    /// how (the assignment itself is audited like any other). Returns who got it, or null.
    /// </summary>
    public async Task<int?> AssignAsync(TicketWork w, Ticket ticket, CancellationToken ct)
    {
        if (ticket.AssigneeId is not null || !ticket.IsOpen) return null;
        var routing = await w.Db.TeamRouting.SingleOrDefaultAsync(r => r.TeamId == ticket.TeamId, ct);
        if (routing is null || routing.Strategy == AssignmentStrategy.Manual) return null;

        var members = await (from m in w.Db.TeamMembers
                             join u in w.Db.Users on m.UserId equals u.Id
                             where m.TeamId == ticket.TeamId && u.IsActive
                             select new { u.Id, u.DisplayName, u.Tier, u.IsAway }).ToListAsync(ct);
        var eligible = members.Where(m => !m.IsAway && (m.Tier ?? Tier.L1) >= ticket.Tier && online.IsOnline(m.Id)).Select(m => m.Id).ToHashSet();
        if (routing.Strategy == AssignmentStrategy.SkillBased && eligible.Count > 0)
            eligible.IntersectWith(await SkilledAsync(w.Db, ticket.CategoryId, eligible, ct));
        var turn = AssignmentPolicy.InTurn([.. members.Select(m => new Member(m.Id, m.DisplayName))], routing.LastAssignedUserId)
            .Where(m => eligible.Contains(m.Id)).ToList();
        if (turn.Count == 0) return null;

        var loads = routing.Strategy == AssignmentStrategy.RoundRobin ? null : await Workload.OfAsync(w.Db, [.. turn.Select(m => m.Id)], ct);
        var chosen = AssignmentPolicy.Choose(routing.Strategy, turn, loads);
        ticket.Assign(chosen.Id, w.Now);
        routing.LastAssignedUserId = chosen.Id;
        var how = routing.Strategy switch
        {
            AssignmentStrategy.RoundRobin => w.T("round robin"),
            AssignmentStrategy.LeastLoaded => w.T("least loaded, load {0}", loads![chosen.Id]),
            _ => w.T("skills, then least loaded, load {0}", loads![chosen.Id]),
        };
        w.Db.Comments.Add(new TicketComment(ticket.Id, CommentKind.System, null,
            w.T("Assigned automatically to {0} ({1}).", chosen.DisplayName, how), w.Now, isInternal: true));
        return chosen.Id;
    }

    /// <summary>Agents with a skill for the category or one of its parents (a "Hardware" skill covers "Laptop").</summary>
    private static async Task<IReadOnlyCollection<int>> SkilledAsync(HelpdeskDbContext db, int categoryId, IReadOnlyCollection<int> agentIds, CancellationToken ct)
    {
        var parents = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        var chain = new List<int>();
        for (int? id = categoryId; id is { } current && !chain.Contains(current); id = parents.GetValueOrDefault(current))
            chain.Add(current);
        var ids = agentIds.ToArray();
        return await db.AgentSkills.AsNoTracking()
            .Where(s => chain.Contains(s.CategoryId) && ids.Contains(s.UserId)).Select(s => s.UserId).Distinct().ToListAsync(ct);
    }
}

/// <summary>A team member as routing orders them.</summary>
public sealed record Member(int Id, string DisplayName);

/// <summary>The strategies' decisions, pure and deterministic (the <see cref="Router"/> gathers the facts).</summary>
public static class AssignmentPolicy
{
    /// <summary>
    /// The team in turn order: members by name (then id), rotated to start just after
    /// <paramref name="lastAssigned"/> (the round-robin pointer). A pointer to someone no longer in
    /// the team starts from the top.
    /// </summary>
    public static IReadOnlyList<Member> InTurn(IReadOnlyList<Member> members, int? lastAssigned)
    {
        var ordered = members.OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Id).ToList();
        var at = ordered.FindIndex(m => m.Id == lastAssigned);
        return at < 0 ? ordered : [.. ordered.Skip(at + 1), .. ordered.Take(at + 1)];
    }

    /// <summary>
    /// Round robin: the first in turn. Least loaded and skill-based: the lowest weighted load, and
    /// among equal loads the first in turn, so ties rotate fairly instead of always favouring one name.
    /// </summary>
    public static Member Choose(AssignmentStrategy strategy, IReadOnlyList<Member> inTurn, IReadOnlyDictionary<int, int>? loads)
    {
        if (inTurn.Count == 0) throw new ArgumentException("Nobody to choose from.", nameof(inTurn));
        if (strategy == AssignmentStrategy.RoundRobin || loads is null) return inTurn[0];
        var best = inTurn[0];
        foreach (var m in inTurn.Skip(1))
            if (loads.GetValueOrDefault(m.Id) < loads.GetValueOrDefault(best.Id)) best = m;
        return best;
    }
}
