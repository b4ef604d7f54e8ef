using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Mail;

public static class MailSetup
{
    /// <summary>The outbox, its sender and the transport. The <see cref="MailWorker"/> is a hosted service the web app adds.</summary>
    public static IServiceCollection AddHelpdeskMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IMailTransport, ConfiguredMailTransport>();
        services.AddSingleton<MailSender>();
        return services;
    }
}
