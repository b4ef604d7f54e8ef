using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Wall;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Helpdesk.Tests.Core.Wall;

/// <summary>Wall display keys (configured and admin-made) and the wall's snapshot of a team's queue.</summary>
public sealed class WallDisplaysTests : IAsyncLifetime
{
    private const string ConfiguredKey = "configured-wall-key-0123456789abcdef";
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Wall:Displays:0:Name"] = "Floor 2",
        ["Wall:Displays:0:Key"] = ConfiguredKey,
        ["Wall:Displays:0:Teams:0"] = "Service desk",
        ["Wall:Displays:1:Name"] = "Misspelt",
        ["Wall:Displays:1:Key"] = "misspelt-wall-key-0123456789abcdef",
        ["Wall:Displays:1:Teams:0"] = "Servce desk",
    };

    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private WallDisplays Displays => _db.Get<WallDisplays>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(s => s.AddHelpdeskWall(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build()), Settings);
        _desk = await Desk.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AnAdminMadeKeyIsShownOnceStoredHashedAndOpensItsDisplayWithoutExpiring()
    {
        var created = (await Displays.CreateAsync(_desk.Admin, "Ops room", [_desk.ServiceDesk], showSubjects: true)).Value!;

        Assert.StartsWith("wall_", created.Key);
        await using var db = _db.CreateDbContext();
        var row = await db.Set<WallDisplay>().SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key))), row.Hash);
        Assert.DoesNotContain(created.Key, $"{row.Name} {row.Hash} {row.Prefix} {row.TeamIds}");
        var listed = Assert.Single(await Displays.ListAsync(_desk.Admin));
        Assert.Equal(["Service desk"], listed.Teams);

        var opened = await Displays.FindAsync(created.Key);
        Assert.Equal(("Ops room", false, true), (opened!.Name, opened.AllTeams, opened.ShowSubjects));
        Assert.Equal([_desk.ServiceDesk], opened.TeamIds);

        Assert.True(await Displays.DeleteAsync(_desk.Admin, listed.Id));
        Assert.Null(await Displays.FindAsync(created.Key));
    }

    [Fact]
    public async Task OnlyAdminsManageDisplaysAndBadInputListsEveryField()
    {
        Assert.False((await Displays.CreateAsync(_desk.Dana, "Mine", [], false)).Succeeded);
        Assert.Empty(await Displays.ListAsync(_desk.Dana));
        var invalid = await Displays.CreateAsync(_desk.Admin, " ", [9999], false);
        Assert.Equal(["Name", "Teams"], invalid.Error!.Fields.Keys.Order());
    }

    [Fact]
    public async Task AConfiguredKeyOpensItsTeamsAndAMisspeltTeamWidensNothing()
    {
        var floor = await Displays.FindAsync(ConfiguredKey);
        Assert.Equal(("config:Floor 2", false), (floor!.Id, floor.AllTeams));
        Assert.Equal([_desk.ServiceDesk], floor.TeamIds);

        var misspelt = await Displays.FindAsync("misspelt-wall-key-0123456789abcdef");
        Assert.False(misspelt!.AllTeams);
        Assert.Empty(misspelt.TeamIds);

        Assert.Null(await Displays.FindAsync("wrong"));
        Assert.Null(await Displays.FindAsync(null));
        Assert.Null(await Displays.FindAsync(ConfiguredKey + "x"));
    }

    [Fact]
    public async Task TheSnapshotCountsOnlyTheDisplaysTeamsAndListsTheOldestWaitingFirst()
    {
        var older = await _desk.ATicket().About("Printer jams");
        var newer = await _desk.ATicket().About("VPN drops");
        await _desk.ATicket().InCategory(_desk.Network).About("Core switch down");
        var floor = (await Displays.FindAsync(ConfiguredKey))!;

        var snapshot = await _db.Get<WallQueries>().SnapshotAsync(floor, DateTime.UtcNow.Date, TimeZoneInfo.Utc);

        Assert.Equal(2, snapshot.Open.Sum(c => c.Count));
        Assert.Equal([older.Number, newer.Number], snapshot.OldestWaiting.Select(r => r.Number));
        Assert.Equal(2, snapshot.CreatedByHour.Sum());
        Assert.True(snapshot.AsOfSequence > 0);
        Assert.All(snapshot.Open, c => Assert.Equal(TicketStatus.New, c.Status));
    }
}
