using Helpdesk.Core.Tickets.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Mailboxes;

public static class MailboxesSetup
{
    /// <summary>The e-mail channel: mailbox polling, intake, quarantine.</summary>
    public static IServiceCollection AddHelpdeskMailboxes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailChannelOptions>().Bind(configuration.GetSection(MailChannelOptions.Section));
        // The intake shares the create/comment logic of the commands it stands in for.
        services.AddSingleton(sp => (CreateTicketHandler)sp.GetRequiredService<ITicketCommandHandler<CreateTicket>>());
        services.AddSingleton(sp => (AddCommentHandler)sp.GetRequiredService<ITicketCommandHandler<AddComment>>());
        services.AddSingleton<MailIntake>();
        services.AddSingleton<MailboxPoller>();
        services.AddSingleton<MailboxStatusBoard>();
        services.AddSingleton<Quarantine>();
        services.AddSingleton<Tickets.Queries.TicketFiles>();
        services.AddHostedService<MailboxService>();
        return services;
    }
}
