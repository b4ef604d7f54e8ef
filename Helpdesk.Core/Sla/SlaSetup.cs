using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Sla;

public static class SlaSetup
{
    /// <summary>SLA settings, the panel's reads and the timer's processor. Hosts add <see cref="SlaService"/> to run the timer.</summary>
    public static IServiceCollection AddHelpdeskSla(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton<SlaProcessor>();
        services.AddSingleton<SlaSettings>();
        services.AddSingleton<SlaQueries>();
        return services;
    }
}
