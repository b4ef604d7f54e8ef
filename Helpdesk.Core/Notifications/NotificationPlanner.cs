using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Notifications;

/// <summary>What the planner needs to know about one event, gathered from the log by <see cref="NotificationOutbox"/>.</summary>
/// <param name="Previous">The ticket's row as of its previous event (null for a new ticket).</param>
/// <param name="Text">The reply or note this event added (null otherwise).</param>
/// <param name="Mentioned">Active staff named with @ in the note.</param>
/// <param name="TeamLeads">Active leads of the ticket's team (after the event).</param>
/// <param name="RuleName">For <see cref="TicketEventKind.LeadAttention"/>: the escalation rule that fired.</param>
public sealed record EventFacts(
    long Sequence,
    TicketEventKind Kind,
    int? ActorId,
    bool IsInternal,
    TicketRow Row,
    TicketRow? Previous,
    string? Text = null,
    IReadOnlyList<int>? Mentioned = null,
    IReadOnlyList<int>? TeamLeads = null,
    string? RuleName = null);

/// <summary>One person to tell. <paramref name="InApp"/> is false only for the receipt of a request its requester just made themself.</summary>
public sealed record PlannedNotification(int UserId, NotificationKind Kind, string? Detail, bool InApp = true);

/// <summary>
/// Who hears about an event, and what. Pure: the rules in one place, tested over events.
/// Two rules hold whatever the kind: the person who made the change is not told about it (the
/// one exception is the receipt of a new request, mailed to its requester so they have the
/// number), and nothing internal ever reaches the requester.
/// </summary>
public static class NotificationPlanner
{
    /// <summary>The statuses a requester hears about.</summary>
    public static readonly IReadOnlySet<TicketStatus> StatusesThatMatter =
        new HashSet<TicketStatus> { TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed };

    public static IReadOnlyList<PlannedNotification> Plan(EventFacts e)
    {
        var row = e.Row;
        var plan = new List<PlannedNotification>();
        var requesterActed = e.ActorId == row.RequesterId;

        // Changes are read from the row against the previous event's row: several events of one
        // command carry the same row, so only the first sees the change and it is told once.
        if (e.Previous is null)
        {
            if (row.AssigneeId is { } assignee) plan.Add(new(assignee, NotificationKind.AssignedToYou, null));
        }
        else
        {
            if (row.AssigneeId is { } assignee && assignee != e.Previous.AssigneeId)
                plan.Add(new(assignee, NotificationKind.AssignedToYou, null));
            if (row.Status != e.Previous.Status && StatusesThatMatter.Contains(row.Status))
                plan.Add(new(row.RequesterId, NotificationKind.StatusChanged, row.Status.ToString()));
        }

        switch (e.Kind)
        {
            case TicketEventKind.Created:
                // The receipt: mailed even to a requester who made it themself (it carries the number to quote).
                plan.Add(new(row.RequesterId, NotificationKind.TicketReceived, null, InApp: !requesterActed));
                break;
            case TicketEventKind.Replied when requesterActed:
                if (row.AssigneeId is { } mine) plan.Add(new(mine, NotificationKind.RequesterReplied, Excerpt(e.Text)));
                break;
            case TicketEventKind.Replied:
                plan.Add(new(row.RequesterId, NotificationKind.StaffReplied, Excerpt(e.Text)));
                break;
            case TicketEventKind.NoteAdded:
                plan.AddRange((e.Mentioned ?? []).Select(id => new PlannedNotification(id, NotificationKind.Mentioned, Excerpt(e.Text))));
                break;
            case TicketEventKind.SlaAtRisk or TicketEventKind.SlaBreached:
                var kind = e.Kind == TicketEventKind.SlaAtRisk ? NotificationKind.SlaAtRisk : NotificationKind.SlaBreached;
                if (row.AssigneeId is { } owner) plan.Add(new(owner, kind, null));
                plan.AddRange((e.TeamLeads ?? []).Select(id => new PlannedNotification(id, kind, null)));
                break;
            case TicketEventKind.LeadAttention:
                plan.AddRange((e.TeamLeads ?? []).Select(id => new PlannedNotification(id, NotificationKind.LeadAttention, e.RuleName)));
                break;
        }

        return [.. plan
            .Where(p => p.UserId != e.ActorId || p.Kind == NotificationKind.TicketReceived)
            // Internal events (notes, lead alerts) and anything the requester does not see stay with staff.
            .Where(p => !(p.UserId == row.RequesterId && (e.IsInternal || IsStaffOnly(p.Kind))))
            .DistinctBy(p => (p.UserId, p.Kind))];
    }

    private static bool IsStaffOnly(NotificationKind kind) => kind is NotificationKind.Mentioned or NotificationKind.SlaAtRisk
        or NotificationKind.SlaBreached or NotificationKind.LeadAttention or NotificationKind.RequesterReplied;

    private static string? Excerpt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var one = string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return one.Length > 200 ? one[..199] + "…" : one;
    }
}
