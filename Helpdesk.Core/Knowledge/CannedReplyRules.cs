using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge;

/// <summary>
/// Who sees and keeps which canned replies: everyone's own personal ones; team-wide ones of the teams
/// they are in (kept by those teams' leads); desk-wide ones (kept by admins). Admins see them all.
/// Someone else's personal reply looks missing.
/// </summary>
public static class CannedReplyRules
{
    public static IQueryable<CannedReply> VisibleTo(this IQueryable<CannedReply> replies, Caller caller)
    {
        if (!caller.IsStaff) return replies.Where(_ => false);
        var teams = caller.TeamIds.ToList();
        var userId = caller.UserId;
        return caller.IsAdmin
            ? replies.Where(r => r.OwnerId == null || r.OwnerId == userId)
            : replies.Where(r => r.OwnerId == userId || (r.OwnerId == null && (r.TeamId == null || teams.Contains(r.TeamId.Value))));
    }

    /// <summary>May the caller write a reply with this scope (and team)?</summary>
    public static async Task<bool> MayKeepAsync(HelpdeskDbContext db, Caller caller, CannedReplyScope scope, int? teamId, CancellationToken ct)
    {
        if (!caller.IsStaff) return false;
        return scope switch
        {
            CannedReplyScope.Personal => true,
            CannedReplyScope.Everyone => caller.IsAdmin,
            CannedReplyScope.Team => teamId is { } team && (caller.IsAdmin
                || await db.TeamMembers.AnyAsync(m => m.TeamId == team && m.UserId == caller.UserId && m.IsLead, ct)),
            _ => false,
        };
    }
}
