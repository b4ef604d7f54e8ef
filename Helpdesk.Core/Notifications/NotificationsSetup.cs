using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Notifications;

public static class NotificationsSetup
{
    /// <summary>The planner's outbox, the inbox and the per-person feed. The <see cref="NotificationWorker"/> is a hosted service the web app adds.</summary>
    public static IServiceCollection AddHelpdeskNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section));
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationInbox>();
        return services;
    }
}
