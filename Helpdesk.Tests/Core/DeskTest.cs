using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core;

/// <summary>
/// Tests of one class share a <see cref="DeskFixture"/> (xunit runs them one after another), so
/// each test arranges its own tickets and never relies on ticket numbers or totals.
/// </summary>
public abstract class DeskTest(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    protected TestDatabase Db => fixture.Db;
    protected Desk Desk => fixture.Desk;
    protected FakeClock Clock => fixture.Clock;

    protected Task<Result<TicketRow>> HandleAsync<TCommand>(Caller caller, TCommand command) => Desk.HandleAsync(caller, command);

    protected EventProbe Probe(Func<TicketEvent, bool> match) => EventProbe.For(Db.Get<IEventStream>(), match);

    /// <summary>What writes leave behind, to show that a refused command wrote nothing.</summary>
    protected async Task<Footprint> FootprintAsync(int? number = null)
    {
        await using var db = Db.CreateDbContext();
        var version = number is { } n ? await db.Tickets.Where(t => t.Number == n).Select(t => (int?)t.Version).SingleOrDefaultAsync() : null;
        return new Footprint(await db.Tickets.CountAsync(), version, await db.Audit.CountAsync(), await db.Events.CountAsync(), await db.Comments.CountAsync());
    }

    protected async Task<List<AuditEntry>> AuditOfAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await (from a in db.Audit
                      join t in db.Tickets on a.TicketId equals t.Id
                      where t.Number == number
                      orderby a.Id
                      select a).ToListAsync();
    }

    protected async Task<Ticket> TicketAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number);
    }

    protected sealed record Footprint(int Tickets, int? Version, int AuditRows, int EventRows, int Comments);
}
