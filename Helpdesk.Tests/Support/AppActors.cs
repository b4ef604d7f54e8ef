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

    /// <summary>A new request by <paramref name="requester"/> in a Service desk category ("Access").</summary>
    public static async Task<TicketRow> FileRequestAsync(this AppHost app, Caller requester, string subject = "Cannot open the finance share")
    {
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
