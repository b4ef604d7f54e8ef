namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// The JSON body of a delivery. <see cref="Id"/> is the event's global sequence number: receivers
/// dedupe by it (a delivery may come more than once) and may order by it (retries can overtake).
/// </summary>
/// <param name="Previous">The ticket as of its previous event (null for a new ticket): what changed is the difference.</param>
/// <param name="Reply">The public reply, for <c>ticket.replied</c>. Internal notes are never sent.</param>
public sealed record WebhookPayload(
    long Id,
    string Type,
    DateTime OccurredAt,
    NamedRef? Actor,
    TicketSummary Ticket,
    TicketSummary? Previous,
    WebhookReply? Reply)
{
    /// <summary>For <c>ticket.sla_breached</c>: which target ("FirstResponse" or "Resolution"), its policy, when it was due and when the desk noticed.</summary>
    public WebhookSlaBreach? SlaBreach { get; init; }
}

public sealed record WebhookSlaBreach(string Target, string? Policy, DateTime DueAt, DateTime BreachedAt);

public sealed record WebhookReply(long Id, NamedRef? Author, string Body, DateTime CreatedAt);
