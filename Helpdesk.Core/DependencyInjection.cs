using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Data.DemoData;
using Helpdesk.Core.Events;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core;

public static class DependencyInjection
{
    /// <summary>The domain, its one write path, queries, the event stream and the database.</summary>
    public static IServiceCollection AddHelpdeskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section));
        services.AddOptions<TicketRules>().Bind(configuration.GetSection("Tickets"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TicketRules>>().Value);
        services.AddSingleton(TimeProvider.System);

        // Configuration is read when the first context is made, so hosts and tests can still change it after registration.
        services.AddDbContextFactory<HelpdeskDbContext>((sp, options) =>
        {
            options.Use(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        });

        services.AddSingleton<Servers.ServerInstance>();
        services.AddOptions<Servers.JobOptions>().Bind(configuration.GetSection(Servers.JobOptions.Section));
        services.AddSingleton<Servers.JobLeaseStore>();
        services.AddSingleton<Servers.LeasedJobs>();
        services.AddSingleton<Servers.ServerMessages>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<EventStream>();
        services.AddSingleton<IEventStream>(sp => sp.GetRequiredService<EventStream>());
        services.AddSingleton<EventLog>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<TicketWriter>();
        services.AddSingleton<People.CallerDirectory>();
        services.AddSingleton<People.AccessSignal>();
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<People.PeopleQueries>();
        services.AddSingleton<People.Commands.CreateRequesterHandler>();
        services.AddSingleton<CategoryQueries>();
        services.AddSingleton<QueuePosition>();
        services.AddSingleton<TicketDetailsQuery>();
        services.AddSingleton<WorkspaceQueries>();
        services.AddSingleton<ArchiveClosedTickets>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<Data.Transfer.SqliteToPostgres>();
        services.AddHelpdeskRouting(configuration);
        Sla.SlaSetup.AddHelpdeskSla(services, configuration);
        services.AddHelpdeskIntegrations(configuration);
        services.AddHelpdeskKnowledge();
        Mailboxes.MailboxesSetup.AddHelpdeskMailboxes(services, configuration);
        services.AddHelpdeskMail(configuration);
        services.AddHelpdeskNotifications(configuration);
        Admin.AdminSetup.AddHelpdeskAdmin(services);
        Reports.ReportsSetup.AddHelpdeskReports(services, configuration);

        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITicketCommandHandler<>)))
                services.AddSingleton(contract, type);
        return services;
    }
}
