using Helpdesk.Core.Servers;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// Wakes the webhook worker early: a ticket event was committed (every server sees those, so
/// <see cref="ServerWakeup.Notify"/>), or an admin asked for a retry or added a webhook
/// (<see cref="ServerWakeup.NotifyEverywhere"/>).
/// </summary>
public sealed class WebhookSignal(ServerMessages messages) : ServerWakeup(messages, "webhooks");
