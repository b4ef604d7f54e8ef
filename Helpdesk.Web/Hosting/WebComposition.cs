using System.Globalization;
using Helpdesk.Web.Api;
using Helpdesk.Web.Components;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Tickets;
using Helpdesk.Web.Features.Board;
using Helpdesk.Web.Features.Notifications;
using Helpdesk.Web.Features.Wall;
using Helpdesk.Web.Realtime;
using Helpdesk.Web.State;
using MudBlazor.Services;

namespace Helpdesk.Web.Hosting;

/// <summary>Program.cs stays composition only: each area adds itself here.</summary>
public static class WebComposition
{
    public static void AddHelpdeskWeb(this WebApplicationBuilder builder)
    {
        // `dotnet run` starts in Production (there is no launch profile), where package assets such as
        // MudBlazor's CSS are only found through the static-web-assets manifest; a published folder has them on disk.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.AddHelpdeskIdentity();
        builder.AddHelpdeskApi();
        builder.Services.AddHelpdeskRealtime(builder.Configuration);
        builder.Services.AddHelpdeskStore(typeof(WebComposition).Assembly);
        builder.Services.AddHelpdeskBoard();
        builder.Services.AddHelpdeskNotificationsWeb();
        builder.Services.AddHelpdeskWallDisplays(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<ArchiveService>();
        // The SLA timer: tickets turn at risk and breached when their stored moment comes.
        builder.Services.AddHostedService<Helpdesk.Core.Sla.SlaService>();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHelpdeskApi();
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapAccountEndpoints();
        Helpdesk.Web.Features.Admin.Audit.AuditEndpoints.MapAdminEndpoints(app);
        app.MapAttachmentEndpoints();
        Helpdesk.Web.Features.Reports.ReportsEndpoints.MapReportsEndpoints(app);
        app.MapHelpdeskRealtime();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
