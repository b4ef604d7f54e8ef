using System.Globalization;
using Helpdesk.Web.Components;
using MudBlazor.Services;

namespace Helpdesk.Web.Hosting;

/// <summary>Program.cs stays composition only: each area adds itself here.</summary>
public static class WebComposition
{
    public static void AddHelpdeskWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<ArchiveService>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
    }

    public static void MapHelpdesk(this WebApplication app)
    {
        var cultures = new[] { new CultureInfo("en") };
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
