using Helpdesk.Core.Mail;
using Helpdesk.Core.Notifications;

namespace Helpdesk.Web.Features.Notifications;

public static class NotificationsWebSetup
{
    /// <summary>The two background loops: events → notifications and mail (<see cref="NotificationWorker"/>), mail → the server (<see cref="MailWorker"/>).</summary>
    public static IServiceCollection AddHelpdeskNotificationsWeb(this IServiceCollection services)
    {
        services.AddHostedService<NotificationWorker>();
        services.AddHostedService<MailWorker>();
        return services;
    }
}
