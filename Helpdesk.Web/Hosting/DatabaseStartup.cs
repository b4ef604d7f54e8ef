using Helpdesk.Core.Data;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>Migrates and seeds. On failure says what and where in one line, not a stack trace, and the app exits.</summary>
    public static async Task<bool> InitializeDatabaseAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Helpdesk.Startup");
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var db = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var reason = ex.GetBaseException().Message.TrimEnd('.');
            log.LogCritical("Cannot open or migrate the database ({Provider}, {ConnectionString}): {Reason}. Check the \"Database\" section of appsettings.json.",
                db.Provider, db.ConnectionString, reason);
            // The console logger writes from a queue that the process may not drain before it exits:
            // the operator must see why, so say it on stderr as well.
            Console.Error.WriteLine($"Helpdesk stopped: Cannot open or migrate the database ({db.Provider}, {db.ConnectionString}): {reason}. Check the \"Database\" section of appsettings.json.");
            return false;
        }
    }
}
