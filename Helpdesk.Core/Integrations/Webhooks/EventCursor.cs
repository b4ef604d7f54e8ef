using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// How far a consumer of the event log has read, persisted: after a restart it resumes here.
/// One row per consumer (<see cref="Name"/>); webhooks are the first.
/// </summary>
public sealed class EventCursor
{
    public string Name { get; private set; } = "";
    public long LastSequence { get; internal set; }
    public DateTime UpdatedAt { get; internal set; }

    private EventCursor() { }

    internal EventCursor(string name, long lastSequence, DateTime now)
    {
        Name = name;
        LastSequence = lastSequence;
        UpdatedAt = now;
    }

    /// <summary>Where the consumer <paramref name="name"/> resumes: its stored sequence, or null before its first run.</summary>
    internal static Task<long?> StoredAsync(HelpdeskDbContext db, string name, CancellationToken ct) =>
        db.EventCursors.AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Inside the consumer's write transaction: its cursor row (made at <paramref name="from"/> on the
    /// first run), or null when it no longer stands at <paramref name="from"/> — only the consumer
    /// moves it, so another process has done this batch and the caller writes nothing.
    /// </summary>
    internal static async Task<EventCursor?> ClaimAsync(HelpdeskDbContext db, string name, long from, DateTime now, CancellationToken ct)
    {
        var cursor = await db.EventCursors.SingleOrDefaultAsync(c => c.Name == name, ct);
        if (cursor is null) db.EventCursors.Add(cursor = new EventCursor(name, from, now));
        return cursor.LastSequence == from ? cursor : null;
    }

    /// <summary>Moves past the batch just handled (an empty batch only records that it ran).</summary>
    internal void Advance(IReadOnlyList<TicketEventRecord> events, DateTime now)
    {
        if (events.Count > 0) LastSequence = events[^1].Id;
        UpdatedAt = now;
    }
}
