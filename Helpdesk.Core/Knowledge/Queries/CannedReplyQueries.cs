using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Queries;

/// <summary>A canned reply as the reply box and the management page show it.</summary>
/// <param name="CanEdit">The caller may change or delete it (<see cref="CannedReplyRules"/>).</param>
public sealed record CannedReplyView(int Id, string Title, string Body, CannedReplyScope Scope, int? TeamId, string? TeamName, TicketStatus? SetsStatus, bool CanEdit);

public sealed class CannedReplyQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    /// <summary>The caller's replies: their own, their teams', the desk's. Personal first, then by name.</summary>
    public async Task<IReadOnlyList<CannedReplyView>> ForAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var replies = await (from r in db.CannedReplies.AsNoTracking().VisibleTo(caller)
                             join t in db.Teams on r.TeamId equals t.Id into ts
                             from t in ts.DefaultIfEmpty()
                             select new { Reply = r, Team = t == null ? null : t.Name }).ToListAsync(ct);
        var ledTeams = caller.IsAdmin ? [] : await db.TeamMembers.Where(m => m.UserId == caller.UserId && m.IsLead).Select(m => m.TeamId).ToListAsync(ct);
        bool CanEdit(CannedReply r) => r.Scope switch
        {
            CannedReplyScope.Personal => true,
            CannedReplyScope.Team => caller.IsAdmin || ledTeams.Contains(r.TeamId!.Value),
            _ => caller.IsAdmin,
        };
        return [.. replies
            .OrderBy(r => r.Reply.Scope).ThenBy(r => r.Team, StringComparer.CurrentCulture).ThenBy(r => r.Reply.Title, StringComparer.CurrentCulture)
            .Select(r => new CannedReplyView(r.Reply.Id, r.Reply.Title, r.Reply.Body, r.Reply.Scope, r.Reply.TeamId, r.Team, r.Reply.SetsStatus, CanEdit(r.Reply)))];
    }

    /// <summary>Matches for what follows "/" in the reply box: every word in the name or the text, names first.</summary>
    public static IReadOnlyList<CannedReplyView> Filter(IEnumerable<CannedReplyView> replies, string? typed, int limit = 8)
    {
        var words = (typed ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool In(string text) => words.All(w => text.Contains(w, StringComparison.CurrentCultureIgnoreCase));
        return [.. replies.Where(r => In(r.Title + " " + r.Body))
            .OrderByDescending(r => In(r.Title))
            .ThenBy(r => r.Title.StartsWith(typed ?? "", StringComparison.CurrentCultureIgnoreCase) ? 0 : 1)
            .Take(limit)];
    }
}
