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
public sealed class AccessSignal
{
    public const string Channel = "helpdesk_access";

    private readonly Lock _lock = new();
    private readonly List<Action<int>> _subscribers = [];

    public IDisposable Subscribe(Action<int> onEnded)
    {
        lock (_lock) _subscribers.Add(onEnded);
        return new Subscription(this, onEnded);
    }

    public void Raise(int userId)
    {
        Action<int>[] copy;
        lock (_lock) copy = [.. _subscribers];
        foreach (var subscriber in copy)
        {
            try { subscriber(userId); }
            catch (Exception) { /* one failing subscriber must not stop the others */ }
        }
    }

    /// <summary>Inside the deactivating transaction: tells the other servers once it commits (PostgreSQL only).</summary>
    public static async Task NotifyServersAsync(HelpdeskDbContext db, int userId, CancellationToken ct)
    {
        if (!db.IsPostgres()) return;
        var payload = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
    }

    private sealed class Subscription(AccessSignal signal, Action<int> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (signal._lock) signal._subscribers.Remove(handler);
        }
    }
}
