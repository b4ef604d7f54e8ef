using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.People;

/// <summary>
/// "This person's access ended" (deactivated), told to every server so each ends that person's live
/// connections at once instead of at its next periodic check. On PostgreSQL the deactivating
/// transaction sends NOTIFY <see cref="Channel"/> (delivered only if it commits) and every server's
/// <see cref="Events.EventRelay"/> raises it here; the deactivating server also raises it itself.
/// Only a wake-up: subscribers re-read the person from the database, so one told twice or out of
/// order does no harm. Subscribers must return quickly (they run on the listener's thread).
/// </summary>
public sealed class AccessSignal : Signal<int>
{
    public const string Channel = "helpdesk_access";

    /// <summary>Inside the deactivating transaction: tells the other servers once it commits (PostgreSQL only).</summary>
    public static async Task NotifyServersAsync(HelpdeskDbContext db, int userId, CancellationToken ct)
    {
        if (!db.IsPostgres()) return;
        var payload = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
    }
}
