using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Wall;

/// <summary>
/// What a display may show: <see cref="AllTeams"/> or only <see cref="TeamIds"/>, subjects or not.
/// <see cref="Id"/> is "config:Name" or "db:7", stable across restarts.
/// </summary>
public sealed record WallAccess(string Id, string Name, bool AllTeams, IReadOnlySet<int> TeamIds, bool ShowSubjects)
{
    public bool Covers(TicketRow row) => AllTeams || TeamIds.Contains(row.TeamId);

    /// <summary>
    /// The display as a read-only caller for the live feed: staff of its teams (an admin for every
    /// team), with no user id of its own, so no ticket is its "own" through a requester, assignee or
    /// collaborator link.
    /// </summary>
    public Caller AsCaller() => new(0, "Wall: " + Name,
        new HashSet<string> { AllTeams ? Roles.Admin : Roles.Agent }, TeamIds);
}
