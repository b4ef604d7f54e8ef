using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.People;

/// <summary>
/// An agent's own "available / away" switch, kept on their user (so it survives sign-out and
/// restarts). Away agents receive no automatic assignments; they can still be assigned by hand.
/// </summary>
public sealed class Availability(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    IStringLocalizer<Messages> localizer,
    ILogger<Availability> log)
{
    public async Task<bool> IsAwayAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.IsAway).SingleOrDefaultAsync(ct);
    }

    /// <summary>Marks the caller away (or back). Staff only. Returns the new value.</summary>
    public async Task<Result<bool>> SetAwayAsync(Caller caller, bool away, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return CommandError.Forbidden(localizer["Only staff have an availability."]);
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var changed = await db.Users.Where(u => u.Id == caller.UserId && u.IsActive)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsAway, away), ct);
        if (changed == 0) return CommandError.NotFound(localizer["Your account was not found."]);
        log.LogInformation("{User} is now {Availability}", caller.UserId, away ? "away" : "available");
        return Result<bool>.Ok(away);
    }
}
