using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>A colleague as the "Add colleague…" picker and @mention completion offer them.</summary>
public sealed record ColleagueOption(int Id, string DisplayName, string? Email, string Teams);

/// <summary>What the agent workspace shows beside a ticket. Every method takes the caller and answers staff only.</summary>
public sealed class WorkspaceQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int HistorySize = 10;

    /// <summary>
    /// The requester's other tickets that the caller may see, newest first, at most
    /// <see cref="HistorySize"/>, with how many there are in all.
    /// </summary>
    public async Task<Page<TicketRow>> RequesterHistoryAsync(Caller caller, int requesterId, int? exceptNumber = null, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return new Page<TicketRow>([], 0);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tickets = db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller))
            .Where(t => t.RequesterId == requesterId && t.Number != exceptNumber);
        var total = await tickets.CountAsync(ct);
        var rows = await TicketRows.Project(db, tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(HistorySize))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        return new Page<TicketRow>(rows, total);
    }

    /// <summary>Active staff whose name or e-mail contains <paramref name="text"/> (all of them when empty), by name.</summary>
    public async Task<IReadOnlyList<ColleagueOption>> FindColleaguesAsync(Caller caller, string? text = null, int take = 200, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var staff = Collaboration.ActiveStaff(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var like = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // LIKE ignores case on SQLite (ASCII); PostgreSQL says so with ILIKE.
            staff = db.IsPostgres()
                ? staff.Where(u => EF.Functions.ILike(u.DisplayName, like, "\\") || EF.Functions.ILike(u.Email!, like, "\\"))
                : staff.Where(u => EF.Functions.Like(u.DisplayName, like, "\\") || EF.Functions.Like(u.Email!, like, "\\"));
        }
        var people = await staff.OrderBy(u => u.DisplayName).Take(take).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var teams = await Collaboration.TeamNamesAsync(db, ids, ct);
        return [.. people.Select(p => new ColleagueOption(p.Id, p.DisplayName, p.Email, string.Join(", ", teams[p.Id])))];
    }
}
