using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.People.Commands;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.People;

public sealed class CreateRequesterTests(DeskFixture fixture) : DeskTest(fixture)
{
    private Task<Result<PersonOption>> HandleAsync(Caller caller, CreateRequester command) =>
        Db.Get<CreateRequesterHandler>().HandleAsync(caller, command);

    private async Task<int> PeopleAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task EveryWrongFieldIsReportedAtOnceAndNobodyIsCreated()
    {
        var before = await PeopleAsync();

        var result = await HandleAsync(Desk.Dana, new CreateRequester(" ", "not an address", new string('d', 201), new string('l', 201)));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["Department", "DisplayName", "Email", "Location"], result.Error!.Fields.Keys.Order());
        Assert.Equal(before, await PeopleAsync());
    }

    [Fact]
    public async Task TooLongANameIsRefusedAndAMissingEmailIsNamed()
    {
        var result = await HandleAsync(Desk.Dana, new CreateRequester(new string('n', CreateRequesterHandler.NameMax + 1), ""));

        Assert.Equal(["DisplayName", "Email"], result.Error?.Fields.Keys.Order());
        Assert.Contains("e-mail", result.Error!.Fields["Email"].Single());
    }

    [Fact]
    public async Task AnEmailAlreadyKnownIsRefusedWhateverItsCase()
    {
        var before = await PeopleAsync();

        // Desk's Alice is alice.martin@example.test.
        var result = await HandleAsync(Desk.Dana, new CreateRequester("Another Alice", "  Alice.Martin@EXAMPLE.test "));

        Assert.Equal(["Email"], result.Error?.Fields.Keys);
        Assert.Contains("already exists", result.Error!.Fields["Email"].Single());
        Assert.Equal(before, await PeopleAsync());
    }

    [Fact]
    public async Task ARequesterCannotAddPeople()
    {
        var before = await PeopleAsync();

        var result = await HandleAsync(Desk.Alice, new CreateRequester("Paul Caller", "paul.caller@example.test"));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(before, await PeopleAsync());
    }

    [Fact]
    public async Task AnAgentAddsARequesterWhoHasNoPasswordYetAndCanBeFoundAndFiledFor()
    {
        var result = await HandleAsync(Desk.Dana, new CreateRequester(" Nadia Phone ", " Nadia.Phone@Example.test ", " Logistics ", "  "));

        Assert.True(result.Succeeded, result.Error?.Message);
        var person = result.Value!;
        Assert.Equal(new PersonOption(person.Id, "Nadia Phone", "Nadia.Phone@Example.test", "Logistics", null), person);

        await using var db = Db.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id);
        Assert.Null(user.PasswordHash);
        Assert.Equal("NADIA.PHONE@EXAMPLE.TEST", user.NormalizedEmail);
        Assert.Equal("NADIA.PHONE@EXAMPLE.TEST", user.NormalizedUserName);
        Assert.Equal("Nadia.Phone@Example.test", user.UserName);
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        Assert.Null(user.Location);
        Assert.Null(user.Tier);
        Assert.True(user.IsActive);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, user.CreatedAt);

        var caller = await Db.Get<CallerDirectory>().ForUserAsync(person.Id);
        Assert.Equal([Roles.Requester], caller!.Roles);
        Assert.Contains(await Db.Get<PeopleQueries>().FindPeopleAsync(Desk.Dana, "nadia"), p => p.Id == person.Id);
    }

    [Fact]
    public async Task TheRequesterRoleIsCreatedOnADatabaseThatHasNoRolesYet()
    {
        // A database started without demo data has no role rows.
        await using var empty = await TestDatabase.CreateAsync();
        var agent = new Caller(1, "Agent", new HashSet<string> { Roles.Agent }, new HashSet<int>());

        var result = await empty.Get<CreateRequesterHandler>().HandleAsync(agent, new CreateRequester("First Caller", "first@example.test"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([Roles.Requester], (await empty.Get<CallerDirectory>().ForUserAsync(result.Value!.Id))!.Roles);
        await using var db = empty.CreateDbContext();
        Assert.Equal(1, await db.UserRoles.CountAsync());
    }
}
