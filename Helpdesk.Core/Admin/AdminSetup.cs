using Helpdesk.Core.Fields;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Settings;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Admin;

public static class AdminSetup
{
    /// <summary>Custom fields, categories, people and settings administration, and the audit viewer.</summary>
    public static IServiceCollection AddHelpdeskAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminSignal>();
        services.AddSingleton<AdminWriter>();
        services.AddSingleton<FieldCatalog>();
        services.AddSingleton<FieldAdmin>();
        services.AddSingleton<FieldForms>();
        services.AddSingleton<DeskSettings>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<CategoryAdmin>();
        services.AddSingleton<PeopleAdmin>();
        services.AddSingleton<TeamAdmin>();
        // Needs IInvitationTokens, which the web app provides (Identity's token providers).
        services.AddSingleton<AgentInvitations>();
        services.AddSingleton<AutoCloseResolvedTickets>();
        services.AddSingleton<IPostConfigureOptions<MailOptions>, MailPasswordSetting>();
        services.AddHostedService<SettingsService>();
        // PostgreSQL: admin changes saved on another server take effect on this one (nothing on SQLite).
        services.AddSingleton<AdminRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminRelay>());
        return services;
    }
}
