using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Routing;

/// <summary>What the board shows: which teams, and which tickets of them, by tier, priority and category.</summary>
public sealed record BoardFilter
{
    public IReadOnlyCollection<int> TeamIds { get; init; } = [];
    public IReadOnlyCollection<Tier>? Tiers { get; init; }
    public IReadOnlyCollection<Priority>? Priorities { get; init; }
    public IReadOnlyCollection<int>? CategoryIds { get; init; }

    /// <summary>The in-memory twin of the board query's ticket filter (open, team, tier, priority, category).</summary>
    public bool Matches(TicketRow r) =>
        r.IsOpen && !r.IsArchived && TeamIds.Contains(r.TeamId)
        && (Tiers is not { Count: > 0 } || Tiers.Contains(r.Tier))
        && (Priorities is not { Count: > 0 } || Priorities.Contains(r.Priority))
        && (CategoryIds is not { Count: > 0 } || CategoryIds.Contains(r.CategoryId));
}

/// <summary>A column of the board: an agent of the shown teams.</summary>
public sealed record BoardAgent(int Id, string DisplayName, Tier? Tier, bool IsAway, IReadOnlyList<int> TeamIds);

/// <summary>An open ticket counted in an agent's load (any team: one person, one capacity).</summary>
public sealed record WorkItem(int TicketId, int AgentId, Priority Priority);

/// <param name="Cards">Open tickets of the teams, unassigned or assigned to one of <paramref name="Agents"/>, most urgent first.</param>
/// <param name="Truncated">More tickets matched than <see cref="BoardQueries.MaxCards"/>: narrow the filter.</param>
public sealed record BoardSnapshot(IReadOnlyList<BoardAgent> Agents, IReadOnlyList<TicketRow> Cards, IReadOnlyList<WorkItem> Work, long AsOfSequence, bool Truncated);

/// <summary>The team lead's board: agents as columns, open tickets as cards, each agent's weighted load.</summary>
public sealed class BoardQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int MaxCards = 400;

    /// <summary>The teams this person may put on the board: every team for admins, the teams they lead for leads.</summary>
    public async Task<IReadOnlyList<TeamOption>> TeamsAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin && !caller.IsLead) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = db.Teams.AsNoTracking();
        if (!caller.IsAdmin)
        {
            var uid = caller.UserId;
            var led = await db.TeamMembers.Where(m => m.UserId == uid && m.IsLead).Select(m => m.TeamId).ToListAsync(ct);
            // A team lead not marked as leading any team sees the teams they belong to.
            var ids = led.Count > 0 ? led : [.. caller.TeamIds];
            teams = teams.Where(t => ids.Contains(t.Id));
        }
        return await teams.OrderBy(t => t.Tier).ThenBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name, t.Tier)).ToListAsync(ct);
    }

    /// <summary>
    /// Agents, cards and loads, with the last event sequence they reflect, in one read snapshot.
    /// Teams the caller may not put on the board are ignored.
    /// </summary>
    public async Task<BoardSnapshot> SnapshotAsync(Caller caller, BoardFilter filter, CancellationToken ct = default)
    {
        var allowed = (await TeamsAsync(caller, ct)).Select(t => t.Id).ToHashSet();
        var teams = filter.TeamIds.Where(allowed.Contains).ToArray();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginSnapshotAsync(ct);
        var asOf = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;

        var members = await (from m in db.TeamMembers
                             join u in db.Users on m.UserId equals u.Id
                             where teams.Contains(m.TeamId) && u.IsActive
                             select new { u.Id, u.DisplayName, u.Tier, u.IsAway, m.TeamId }).ToListAsync(ct);
        var agents = members.GroupBy(m => m.Id)
            .Select(g => new BoardAgent(g.Key, g.First().DisplayName, g.First().Tier, g.First().IsAway, [.. g.Select(m => m.TeamId).Order()]))
            .OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id).ToList();
        var agentIds = agents.Select(a => a.Id).ToArray();

        var tickets = db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller))
            .Where(t => t.IsOpen && !t.IsArchived && teams.Contains(t.TeamId) && (t.AssigneeId == null || agentIds.Contains(t.AssigneeId.Value)));
        if (filter.Tiers is { Count: > 0 } tiers) tickets = tickets.Where(t => tiers.Contains(t.Tier));
        if (filter.Priorities is { Count: > 0 } priorities) tickets = tickets.Where(t => priorities.Contains(t.Priority));
        if (filter.CategoryIds is { Count: > 0 } categories) tickets = tickets.Where(t => categories.Contains(t.CategoryId));
        var cards = await TicketRows.Project(db, tickets).OrderBy(r => r.Priority).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(MaxCards + 1).ToListAsync(ct);

        var work = await db.Tickets.AsNoTracking()
            .Where(t => t.IsOpen && t.AssigneeId != null && agentIds.Contains(t.AssigneeId.Value))
            .Select(t => new WorkItem(t.Id, t.AssigneeId!.Value, t.Priority)).ToListAsync(ct);
        return new BoardSnapshot(agents, [.. cards.Take(MaxCards)], work, asOf, cards.Count > MaxCards);
    }
}
