using Bunit;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Web.Features.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.Wall;

/// <summary>The wall's tiles rendered by bunit: what a TV across the room shows for given figures.</summary>
public sealed class WallTileTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    public WallTileTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
    }

    private static WallTicket Ticket(int number, SlaState sla, int dueMinutes, string? subject = null, Priority priority = Priority.P2) =>
        new(number, "HD-" + number, subject, priority, TicketStatus.Open, "Service desk", Now.AddHours(-3), Now.AddMinutes(dueMinutes), sla);

    [Fact]
    public void TheSlaTileListsBreachedInRedAndAtRiskInAmberWithTimeOverOrLeft()
    {
        var tile = Render<WallSlaTile>(p => p
            .Add(t => t.Tickets, [Ticket(1042, SlaState.Breached, -95, "Core switch down"), Ticket(1043, SlaState.AtRisk, 12)])
            .Add(t => t.Breached, 1).Add(t => t.AtRisk, 1).Add(t => t.Now, Now));

        var rows = tile.FindAll(".wall-sla-list li");
        Assert.Equal(2, rows.Count);
        Assert.Contains("wall-row-breached", rows[0].ClassName);
        Assert.Contains("Core switch down", rows[0].TextContent);
        Assert.Contains("1:35:00 over", rows[0].TextContent);
        Assert.Contains("wall-row-atrisk", rows[1].ClassName);
        Assert.Contains("12:00 left", rows[1].TextContent);
        // Without a subject (the display hides them) the team is shown instead.
        Assert.Contains("Service desk", rows[1].TextContent);
        Assert.Equal("1 breached", tile.Find("[data-value=breached]").TextContent);
        // The countdown carries its target so the browser ticks it every second.
        Assert.NotNull(rows[0].QuerySelector("[data-due='2026-11-24T08:25:00.000Z']"));
    }

    [Fact]
    public void TheSlaTileShowsAsManyRowsAsFitAndCountsTheRest()
    {
        var many = Enumerable.Range(1, 15).Select(i => Ticket(1000 + i, SlaState.AtRisk, i)).ToList();
        var tile = Render<WallSlaTile>(p => p.Add(t => t.Tickets, many).Add(t => t.Breached, 0).Add(t => t.AtRisk, 40).Add(t => t.Now, Now).Add(t => t.Rows, 9));
        Assert.Equal(9, tile.FindAll(".wall-sla-list li").Count);
        Assert.Contains("and 31 more", tile.Find(".wall-more").TextContent);
    }

    [Fact]
    public void TheOldestWaitingTileShowsTheWaitTickingAndTheNextTwo()
    {
        var tickets = new[] { Ticket(7, SlaState.None, 0) with { CreatedAt = Now.AddMinutes(-42).AddSeconds(-5) }, Ticket(8, SlaState.None, 0), Ticket(9, SlaState.None, 0), Ticket(10, SlaState.None, 0) };
        var tile = Render<WallOldestTile>(p => p.Add(t => t.Tickets, tickets).Add(t => t.Now, Now));
        Assert.Equal("42:05", tile.Find("[data-value=oldest-wait] [data-since]").TextContent);
        Assert.Contains("HD-7", tile.Find(".wall-ticket-line").TextContent);
        Assert.Equal(2, tile.FindAll(".wall-next li").Count);
    }

    [Fact]
    public void NobodyWaitingIsSaidPlainly()
    {
        var tile = Render<WallOldestTile>(p => p.Add(t => t.Tickets, []).Add(t => t.Now, Now));
        Assert.Contains("Nobody is waiting", tile.Markup);
    }

    [Fact]
    public void ThePriorityTileDrawsEachPriorityAgainstTheLargest()
    {
        var counts = new Dictionary<Priority, int> { [Priority.P1] = 2, [Priority.P3] = 8 };
        var tile = Render<WallPriorityTile>(p => p.Add(t => t.ByPriority, pr => counts.GetValueOrDefault(pr)).Add(t => t.Flash, true));
        Assert.Equal("2", tile.Find("[data-priority=P1] b").TextContent);
        Assert.Contains("width:25%", tile.Find("[data-priority=P1] .wall-bar span").GetAttribute("style"));
        Assert.Contains("wall-flash", tile.Find("section").ClassName);
    }

    [Fact]
    public void TheTrendAddsUpEachHourUntilNow()
    {
        var created = new int[24]; created[8] = 2; created[9] = 2;
        var resolved = new int[24]; resolved[9] = 1;
        var tile = Render<WallTrendTile>(p => p.Add(t => t.Created, created).Add(t => t.Resolved, resolved).Add(t => t.Hour, 9));
        // Ten points after midnight's: the created line reaches the top (4 of 4) at the end of hour 9.
        var points = tile.Find(".wall-line-created").GetAttribute("points")!.Split(' ');
        Assert.Equal(11, points.Length);
        Assert.Equal("100,6", points[^1]);
    }

    [Fact]
    public void TodayAndAgentsShowTheirFigures()
    {
        var today = Render<WallTodayTile>(p => p.Add(t => t.Created, 12).Add(t => t.Resolved, 9));
        Assert.Equal("12", today.Find("[data-value=created]").TextContent);
        Assert.Equal("9", today.Find("[data-value=resolved]").TextContent);
        var agents = Render<WallAgentsTile>(p => p.Add(t => t.Online, 3).Add(t => t.Of, 5));
        Assert.Equal("3", agents.Find("[data-value=agents]").TextContent);
        Assert.Contains("of 5 in the team", agents.Markup);
    }
}
