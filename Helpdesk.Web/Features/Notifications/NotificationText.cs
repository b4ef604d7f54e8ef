using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Helpdesk.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Features.Notifications;

/// <summary>How a notification reads in the bell, and each kind's name on the settings page.</summary>
public static class NotificationText
{
    public static string Describe(NotificationItem n, IStringLocalizer<SharedResource> L)
    {
        var number = TicketNumber.Format(n.TicketNumber);
        var who = n.ActorName ?? L["The service desk"];
        return n.Kind switch
        {
            NotificationKind.TicketReceived => L["Your request {0} was registered", number],
            NotificationKind.StaffReplied => L["{0} replied on {1}", who, number],
            NotificationKind.StatusChanged => L["{0} is now {1}", number, Enum.TryParse<TicketStatus>(n.Detail, out var s) ? L["status." + s] : n.Detail ?? ""],
            NotificationKind.AssignedToYou => L["{0} assigned {1} to you", who, number],
            NotificationKind.RequesterReplied => L["The requester replied on {0}", number],
            NotificationKind.Mentioned => L["{0} mentioned you on {1}", who, number],
            NotificationKind.SlaAtRisk => L["SLA at risk on {0}", number],
            NotificationKind.SlaBreached => L["SLA breached on {0}", number],
            NotificationKind.LeadAttention => L["{0} needs your attention ({1})", number, n.Detail ?? ""],
            _ => number,
        };
    }

    public static string KindName(NotificationKind kind, IStringLocalizer<SharedResource> L) => kind switch
    {
        NotificationKind.TicketReceived => L["My request was registered (with its number)"],
        NotificationKind.StaffReplied => L["The service desk replied to my request"],
        NotificationKind.StatusChanged => L["My request is in progress, waits for me, is resolved or closed"],
        NotificationKind.AssignedToYou => L["A ticket was assigned to me"],
        NotificationKind.RequesterReplied => L["A requester replied on my ticket"],
        NotificationKind.Mentioned => L["Someone mentioned me in an internal note"],
        NotificationKind.SlaAtRisk => L["SLA at risk on my tickets or my team's"],
        NotificationKind.SlaBreached => L["SLA breached on my tickets or my team's"],
        NotificationKind.LeadAttention => L["An escalation rule asks for the team lead"],
        _ => kind.ToString(),
    };
}
