using Helpdesk.Core.Events;
using Helpdesk.Core.Wall;

namespace Helpdesk.Web.Features.Wall;

// The wall's actions: small records, named for what is asked or what happened.

/// <summary>Load (or reload) the display a key opens and its figures.</summary>
public sealed record LoadWall(string? Key);

/// <summary>A load finished; <paramref name="Display"/> is null when the key opens nothing.</summary>
public sealed record WallLoaded(long LoadRequest, WallAccess? Display, WallSnapshot? Snapshot, DateTime DayStartUtc, TimeZoneInfo Zone);

/// <summary>A committed change to a ticket of the display's teams (or one that just left them).</summary>
public sealed record WallTicketChanged(TicketEvent Event);

/// <summary>Someone came online or went offline.</summary>
public sealed record WallPresenceChanged(Func<int, bool> IsOnline);

/// <summary>The highlight of a new P1 or breach is over.</summary>
public sealed record WallHighlightEnded(long Sequence);
