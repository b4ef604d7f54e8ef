using Helpdesk.Core.Servers;

namespace Helpdesk.Core.Mail;

/// <summary>Wakes the mail worker early, wherever it runs: a message was queued (<see cref="MailOutbox.Wake"/>).</summary>
public sealed class MailSignal(ServerMessages messages) : ServerWakeup(messages, "mail");
