using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Support;

/// <summary>Acts on the running app's Core directly, as a given person: for arranging what a test then watches live.</summary>
public static class AppActors
{
    public static async Task<Caller> CallerAsync(this AppHost app, string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return (await app.Services.GetRequiredService<CallerDirectory>().ForUserAsync(id))!;
    }

    public static async Task<int> CategoryAsync(this AppHost app, string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return await db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppHost, object> ManualHosts = new();

    /// <summary>
    /// The demo routes Service desk tickets round robin to whoever is online; tests that watch a new
    /// request arrive unassigned (and then be taken) switch that team to manual first, once per host.
    /// </summary>
    public static async Task ServiceDeskIsManualAsync(this AppHost app)
    {
        if (ManualHosts.TryGetValue(app, out _)) return;
        var admin = await app.CallerAsync("admin@helpdesk.test");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var team = await db.Teams.Where(t => t.Name == "Service desk").Select(t => t.Id).SingleAsync();
        var result = await app.Services.GetRequiredService<Helpdesk.Core.Routing.RoutingSettings>()
            .SetStrategyAsync(admin, team, Helpdesk.Core.Routing.AssignmentStrategy.Manual);
        Assert.True(result.Succeeded, result.Error?.Message);
        ManualHosts.AddOrUpdate(app, new object());
    }

    /// <summary>A new, unassigned request by <paramref name="requester"/> in a Service desk category ("Access").</summary>
    public static async Task<TicketRow> FileRequestAsync(this AppHost app, Caller requester, string subject = "Cannot open the finance share")
    {
        await app.ServiceDeskIsManualAsync();
        var result = await app.Send(requester, new CreateTicket(new NewTicketData
        {
            RequesterId = requester.UserId, CategoryId = await app.CategoryAsync("Access"), Subject = subject,
            Description = "Access denied since this morning.", Impact = Impact.Individual, Urgency = Urgency.BlocksWork,
        }));
        return result;
    }

    /// <summary>Runs a command through the app's own handler and insists it succeeded.</summary>
    public static async Task<TicketRow> Send<TCommand>(this AppHost app, Caller caller, TCommand command)
    {
        var result = await app.Services.GetRequiredService<ITicketCommandHandler<TCommand>>().HandleAsync(caller, command);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }
}
