using Helpdesk.Core.Wall;

namespace Helpdesk.Web.Features.Wall;

public static class WallWebSetup
{
    /// <summary>Wall displays: their keys (configured and admin-made), the read side and the wall's clock.</summary>
    public static IServiceCollection AddHelpdeskWallDisplays(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHelpdeskWall(configuration);
        services.AddSingleton<WallClock>();
        return services;
    }

    /// <summary>Whether a request is for the wall (App.razor then loads the wall's script and reconnect badge).</summary>
    public static bool IsWall(HttpContext context) => context.Request.Path.StartsWithSegments("/wall", StringComparison.OrdinalIgnoreCase);
}
