using Helpdesk.Core.Data.DemoData;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Data.DemoData;

/// <summary>One seeded database for the class: seeding 40 tickets through the real commands takes a few seconds.</summary>
public sealed class DemoSeederTests(DemoSeederTests.SeededDatabase seeded) : IClassFixture<DemoSeederTests.SeededDatabase>
{
    private readonly TestDatabase _database = seeded.Database;

    public sealed class SeededDatabase : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new(settings: new Dictionary<string, string?>
        {
            ["DemoData:Enabled"] = "true",
            ["DemoData:Tickets"] = "40",
        });

        public Task InitializeAsync() => Database.InitializeAsync();

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }

    [Fact]
    public async Task AnEmptyDatabaseGetsTheDemoTeamsAccountsAndTickets()
    {
        await using var db = _database.CreateDbContext();

        Assert.Equal([DemoAccounts.Desktop, DemoAccounts.Infrastructure, DemoAccounts.ServiceDesk], await db.Teams.Select(t => t.Name).OrderBy(n => n).ToListAsync());
        foreach (var account in DemoAccounts.Staff.Append(DemoAccounts.Requester))
        {
            var user = await db.Users.SingleAsync(u => u.Email == account.Email);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
            var teams = await (from m in db.TeamMembers join t in db.Teams on m.TeamId equals t.Id where m.UserId == user.Id select t.Name).ToListAsync();
            Assert.Equal(account.Name, user.DisplayName);
            Assert.Equal(account.Roles.Order(), roles.Order());
            Assert.Equal(account.Teams.Order(), teams.Order());
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, DemoAccounts.Password));
        }
        Assert.Equal(Enumerable.Range(TicketNumber.First, 40), await db.Tickets.Select(t => t.Number).OrderBy(n => n).ToListAsync());
        Assert.True(await db.Tickets.Select(t => t.Status).Distinct().CountAsync() >= 3, "Demo tickets should be spread over several statuses.");
    }

    [Fact]
    public async Task DemoTicketsCarryTheAuditAndEventsOfTheRealCommands()
    {
        await using var db = _database.CreateDbContext();

        Assert.Equal(40, await db.Audit.CountAsync(a => a.Field == "Created"));
        Assert.Equal(40, await db.Events.CountAsync(e => e.Kind == TicketEventKind.Created));
        Assert.True(await db.Audit.AnyAsync(a => a.Field == "Status"));
        Assert.Equal(await db.Events.MaxAsync(e => e.Id), _database.Get<IEventStream>().LastSequence);
    }

    [Fact]
    public async Task ASecondStartDoesNotSeedAgain()
    {
        var before = await CountsAsync();

        await _database.InitializeAsync();

        Assert.Equal(before, await CountsAsync());
    }

    private async Task<(int Users, int Teams, int Tickets, int Audit, int Events)> CountsAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.Tickets.CountAsync(), await db.Audit.CountAsync(), await db.Events.CountAsync());
    }
}
