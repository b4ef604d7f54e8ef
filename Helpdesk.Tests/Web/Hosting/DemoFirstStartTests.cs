using Helpdesk.Core.Data;
using Helpdesk.Core.Notifications;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.Hosting;

/// <summary>The demo's first start: its old breaches are history, not a bell full of "SLA breached".</summary>
public class DemoFirstStartTests(AppHost app) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Breaches_in_the_demo_history_do_not_flood_anyones_notifications()
    {
        var dbs = app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Wait until the notification worker has read the log once (its cursor exists).
        while (true)
        {
            await using var db = await dbs.CreateDbContextAsync();
            if (await db.EventCursors.AnyAsync(c => c.Name == NotificationOutbox.CursorName)) break;
            Assert.True(DateTime.UtcNow < deadline, "The notification worker never started.");
            await Task.Delay(100);
        }
        await using var check = await dbs.CreateDbContextAsync();
        Assert.True(await check.SlaBreaches.AnyAsync(), "The demo data should hold some breached tickets for this test to mean anything.");
        Assert.Equal(0, await check.Notifications.CountAsync(n => n.Kind == NotificationKind.SlaBreached));
    }
}
