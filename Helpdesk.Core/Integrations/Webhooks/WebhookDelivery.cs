namespace Helpdesk.Core.Integrations.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="WebhookDelivery.NextAttemptAt"/>).</summary>
    Pending = 0,
    Succeeded = 1,
    /// <summary>Every attempt failed; an admin may retry it by hand.</summary>
    Failed = 2,
}

/// <summary>
/// One event for one subscription: the outbox row. Written in the same transaction that moves the
/// event cursor, so every event is delivered (at least once) and none is queued twice.
/// </summary>
public sealed class WebhookDelivery
{
    public const int ResponseMax = 2000;
    public const int ErrorMax = 1000;

    public long Id { get; private set; }
    public int SubscriptionId { get; private set; }
    /// <summary>The ticket event's global sequence: the id receivers dedupe by (X-Helpdesk-Event-Id).</summary>
    public long EventSequence { get; private set; }
    public string EventType { get; private set; } = "";
    public int TicketNumber { get; private set; }
    /// <summary>The JSON body, frozen when the event was queued: a retry sends exactly the same bytes.</summary>
    public string Payload { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastResponse { get; private set; }
    public string? LastError { get; private set; }
    public int? LastDurationMs { get; private set; }

    private WebhookDelivery() { }

    internal WebhookDelivery(int subscriptionId, long eventSequence, string eventType, int ticketNumber, string payload, DateTime now)
    {
        SubscriptionId = subscriptionId;
        EventSequence = eventSequence;
        EventType = eventType;
        TicketNumber = ticketNumber;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
        Status = DeliveryStatus.Pending;
    }

    /// <summary>Records one attempt; on failure schedules the next one after <paramref name="retryAfter"/>, or gives up when it is null.</summary>
    internal void Attempted(DateTime at, bool succeeded, int? statusCode, string? response, string? error, int durationMs, TimeSpan? retryAfter)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastResponse = Truncate(response, ResponseMax);
        LastError = Truncate(error, ErrorMax);
        LastDurationMs = durationMs;
        if (succeeded) Status = DeliveryStatus.Succeeded;
        else if (retryAfter is { } wait)
        {
            Status = DeliveryStatus.Pending;
            NextAttemptAt = at + wait;
        }
        else Status = DeliveryStatus.Failed;
    }

    /// <summary>An admin asks for one more attempt now.</summary>
    internal void RetryNow(DateTime now)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
    }

    private static string? Truncate(string? s, int max) => s is { Length: > 0 } && s.Length > max ? s[..(max - 1)] + "…" : s;
}
