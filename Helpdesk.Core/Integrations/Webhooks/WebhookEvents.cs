using Helpdesk.Core.Events;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>What a webhook subscribes to. Stored as flags; internal events (notes, links, followers) are never offered. An SLA breach is internal to screens (requesters never see it) but is offered to webhooks.</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    TicketCreated = 1,
    StatusChanged = 2,
    Assigned = 4,
    Replied = 8,
    /// <summary>A first-response or resolution target was missed.</summary>
    SlaBreached = 16,
}

public static class WebhookEventNames
{
    public static readonly WebhookEvents[] All = [WebhookEvents.TicketCreated, WebhookEvents.StatusChanged, WebhookEvents.Assigned, WebhookEvents.Replied, WebhookEvents.SlaBreached];

    /// <summary>The event type as receivers see it (header X-Helpdesk-Event and "type" in the body).</summary>
    public static string Name(WebhookEvents e) => e switch
    {
        WebhookEvents.TicketCreated => "ticket.created",
        WebhookEvents.StatusChanged => "ticket.status_changed",
        WebhookEvents.Assigned => "ticket.assigned",
        WebhookEvents.Replied => "ticket.replied",
        WebhookEvents.SlaBreached => "ticket.sla_breached",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Not a single webhook event."),
    };

    /// <summary>The webhook event for a ticket event, or None for kinds webhooks do not carry.</summary>
    public static WebhookEvents For(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Created => WebhookEvents.TicketCreated,
        TicketEventKind.StatusChanged => WebhookEvents.StatusChanged,
        TicketEventKind.Assigned => WebhookEvents.Assigned,
        TicketEventKind.Replied => WebhookEvents.Replied,
        TicketEventKind.SlaBreached => WebhookEvents.SlaBreached,
        _ => WebhookEvents.None,
    };
}
