using Helpdesk.Core.Application;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Tests.Core.Routing;

/// <summary>Routing rules choose a new ticket's team and tier; the category's default stays the fallback.</summary>
public sealed class RoutingRuleTests : RoutingTest
{
    [Fact]
    public async Task WithoutARuleATicketGoesToItsCategorysDefaultTeamAndTier()
    {
        var ticket = await FileAsync(Desk.Network);

        Assert.Equal((Desk.Infrastructure, Tier.L2), (ticket.TeamId, ticket.Tier));
    }

    [Fact]
    public async Task AChannelRuleWinsOverAnAnyChannelRuleWhichWinsOverTheDefault()
    {
        await SaveAsync(new RoutingRuleInput(null, Desk.Network, null, Desk.Infrastructure, Tier.L3));
        await SaveAsync(new RoutingRuleInput(null, Desk.Network, Channel.Phone, Desk.ServiceDesk, Tier.L1));

        var byPhone = await FileAsync(Desk.Network, Channel.Phone);
        var byMail = await FileAsync(Desk.Network, Channel.Email);
        var general = await FileAsync(Desk.General, Channel.Phone);

        Assert.Equal((Desk.ServiceDesk, Tier.L1), (byPhone.TeamId, byPhone.Tier));
        Assert.Equal((Desk.Infrastructure, Tier.L3), (byMail.TeamId, byMail.Tier));
        Assert.Equal((Desk.ServiceDesk, Tier.L1), (general.TeamId, general.Tier));
    }

    [Fact]
    public async Task TheRoutedTeamsStrategyPicksTheAgent()
    {
        await SaveAsync(new RoutingRuleInput(null, Desk.Network, Channel.Phone, Desk.ServiceDesk, Tier.L1));
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        Online.Are(Desk.Sam, Desk.Ines);

        Assert.Equal("Sam Agent", (await FileAsync(Desk.Network, Channel.Phone)).AssigneeName);
    }

    [Fact]
    public async Task AnAgentOutsideTheRoutedTeamCannotTakeTheCallThemself()
    {
        await SaveAsync(new RoutingRuleInput(null, Desk.General, Channel.Phone, Desk.Infrastructure, Tier.L2));

        var result = await Desk.HandleAsync(Desk.Sam, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = Desk.General, Subject = "Phone", Description = "Call.", Channel = Channel.Phone,
        }, AssignToSelf: true));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Contains("Infrastructure handles this category", result.Error!.Fields["AssignToSelf"].Single());
    }

    [Fact]
    public async Task OneRulePerCategoryAndChannel()
    {
        await SaveAsync(new RoutingRuleInput(null, Desk.Network, null, Desk.Infrastructure, Tier.L3));

        var twice = await Settings.SaveRuleAsync(Desk.Admin, new RoutingRuleInput(null, Desk.Network, null, Desk.ServiceDesk, Tier.L1));
        var byAgent = await Settings.SaveRuleAsync(Desk.Dana, new RoutingRuleInput(null, Desk.General, Channel.Email, Desk.ServiceDesk, Tier.L1));

        Assert.Equal(ErrorKind.Validation, twice.Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, byAgent.Error?.Kind);
        Assert.Single((await Settings.GetAsync(Desk.Admin))!.Rules);
        Assert.Null(await Settings.GetAsync(Desk.Dana));
    }

    private async Task SaveAsync(RoutingRuleInput input)
    {
        var result = await Settings.SaveRuleAsync(Desk.Admin, input);
        Assert.True(result.Succeeded, result.Error?.Message);
    }
}
