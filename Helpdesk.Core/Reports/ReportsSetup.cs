using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Reports;

public static class ReportsSetup
{
    public static IServiceCollection AddHelpdeskReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<ReportClock>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<OverviewQueries>();
        return services;
    }
}
