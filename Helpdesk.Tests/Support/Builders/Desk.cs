using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Support.Builders;

/// <summary>
/// A small service desk: two teams, three categories (Laptop needs system details), an admin,
/// two service-desk agents, an infrastructure agent and two requesters.
/// </summary>
public sealed class Desk
{
    private Desk(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }
    public int ServiceDesk { get; private init; }
    public int Infrastructure { get; private init; }
    public int General { get; private init; }
    public int Laptop { get; private init; }
    public int Network { get; private init; }
    public Caller Admin { get; private init; } = null!;
    public Caller Dana { get; private init; } = null!;
    public Caller Sam { get; private init; } = null!;
    public Caller Ines { get; private init; } = null!;
    public Caller Alice { get; private init; } = null!;
    public Caller Bob { get; private init; } = null!;

    public static async Task<Desk> CreateAsync(TestDatabase db)
    {
        var serviceDesk = await db.ATeamAsync("Service desk");
        var infrastructure = await db.ATeamAsync("Infrastructure", Tier.L2);
        return new Desk(db)
        {
            ServiceDesk = serviceDesk,
            Infrastructure = infrastructure,
            General = await db.ACategoryAsync("General", serviceDesk),
            Laptop = await db.ACategoryAsync("Laptop", serviceDesk, needsSystemDetails: true),
            Network = await db.ACategoryAsync("Network", infrastructure, tier: Tier.L2),
            Admin = await db.AStaffMemberAsync("Ada Admin", [Roles.Admin, Roles.Agent], [serviceDesk, infrastructure], Tier.L3),
            Dana = await db.AStaffMemberAsync("Dana Agent", [Roles.Agent], [serviceDesk]),
            Sam = await db.AStaffMemberAsync("Sam Agent", [Roles.Agent], [serviceDesk]),
            Ines = await db.AStaffMemberAsync("Ines Infra", [Roles.Agent], [infrastructure], Tier.L2),
            Alice = await db.ARequesterAsync("Alice Martin"),
            Bob = await db.ARequesterAsync("Bruno Costa"),
        };
    }

    /// <summary>Starts a ticket builder: <c>await desk.ATicket().InStatus(TicketStatus.Pending).AssignedTo(desk.Dana)</c>.</summary>
    public ATicket ATicket() => new(this);

    public Task<Result<TicketRow>> HandleAsync<TCommand>(Caller caller, TCommand command) =>
        Db.Get<ITicketCommandHandler<TCommand>>().HandleAsync(caller, command);

    /// <summary>The ticket's row as an admin sees it now.</summary>
    public async Task<TicketRow> RowAsync(int number) =>
        await Db.Get<TicketQueries>().GetRowAsync(Admin, number) ?? throw new InvalidOperationException($"No ticket {number}.");
}
