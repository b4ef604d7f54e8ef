using System.Net;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Core.Notifications;

/// <summary>The e-mail for a notification: a short subject with the ticket number, a line or two, the link. Plain text and HTML built from encoded text.</summary>
internal sealed class NotificationMail(IStringLocalizer<Messages> localizer)
{
    private string T(string key, params object[] args) => localizer[key, args];

    /// <param name="body">The whole message the notification is about (a reply, a note), when longer than the in-app excerpt.</param>
    public MailDraft Compose(Notification n, MailRecipient to, string ticketUrl, string? body = null)
    {
        var number = TicketNumber.Format(n.TicketNumber);
        var actor = n.ActorName ?? T("The service desk");
        var (subject, line) = n.Kind switch
        {
            NotificationKind.TicketReceived => (T("[{0}] We received your request: {1}", number, n.TicketSubject),
                T("Thank you. Your request is registered as {0}; quote this number if you contact us about it.", number)),
            NotificationKind.StaffReplied => (T("[{0}] New reply: {1}", number, n.TicketSubject), T("{0} replied to your request:", actor)),
            NotificationKind.StatusChanged => (T("[{0}] {1}: {2}", number, Status(n.Detail), n.TicketSubject), StatusLine(n.Detail, number)),
            NotificationKind.AssignedToYou => (T("[{0}] Assigned to you: {1}", number, n.TicketSubject), T("{0} assigned {1} to you.", actor, number)),
            NotificationKind.RequesterReplied => (T("[{0}] The requester replied: {1}", number, n.TicketSubject), T("{0} replied on {1}:", actor, number)),
            NotificationKind.Mentioned => (T("[{0}] {1} mentioned you: {2}", number, actor, n.TicketSubject), T("{0} mentioned you in an internal note on {1}:", actor, number)),
            NotificationKind.SlaAtRisk => (T("[{0}] SLA at risk: {1}", number, n.TicketSubject), T("{0} is close to missing its SLA target.", number)),
            NotificationKind.SlaBreached => (T("[{0}] SLA breached: {1}", number, n.TicketSubject), T("{0} has missed its SLA target.", number)),
            NotificationKind.LeadAttention => (T("[{0}] Needs a lead's attention: {1}", number, n.TicketSubject), T("{0} needs your attention ({1}).", number, n.Detail ?? "")),
            _ => (T("[{0}] {1}", number, n.TicketSubject), ""),
        };
        // Quoted text only for kinds whose detail is a message (a reply or a note), never a status or rule name.
        var quote = n.Kind is NotificationKind.StaffReplied or NotificationKind.RequesterReplied or NotificationKind.Mentioned ? body ?? n.Detail : null;
        var open = T("Open {0}", number);

        var text = string.Join("\n\n", new[] { line, quote is null ? null : "> " + quote, $"{open}: {ticketUrl}" }.Where(s => !string.IsNullOrEmpty(s)));
        var html = $"<p>{Encode(line)}</p>"
                   + (quote is null ? "" : $"<blockquote>{Encode(quote)}</blockquote>")
                   + $"<p><a href=\"{Encode(ticketUrl)}\">{Encode(open)}</a></p>";
        return new MailDraft([to], subject, text, new SanitizedHtml(html), n.TicketId,
            DedupeKey: $"n:{n.EventSequence}:{n.UserId}:{n.Kind}");
    }

    private string Status(string? status) => Enum.TryParse<TicketStatus>(status, out var s) ? T("status." + s) : status ?? "";

    private string StatusLine(string? status, string number) => Enum.TryParse<TicketStatus>(status, out var s) ? s switch
    {
        TicketStatus.InProgress => T("We are working on {0}.", number),
        TicketStatus.Pending => T("We need something from you to go on with {0}: please look at the ticket and reply.", number),
        TicketStatus.Resolved => T("{0} is resolved. If the problem is still there, you can reopen it from the ticket page.", number),
        TicketStatus.Closed => T("{0} is closed.", number),
        _ => T("{0} is now {1}.", number, T("status." + s)),
    } : "";

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
