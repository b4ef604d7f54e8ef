using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Wall;

public static class WallSetup
{
    /// <summary>Wall displays (configured and created by admins) and the wall's read side.</summary>
    public static IServiceCollection AddHelpdeskWall(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WallOptions>().Bind(configuration.GetSection(WallOptions.Section));
        services.AddSingleton<WallDisplays>();
        services.AddSingleton<WallQueries>();
        return services;
    }
}
