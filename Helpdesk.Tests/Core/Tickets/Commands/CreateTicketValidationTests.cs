using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Commands;

public sealed class CreateTicketValidationTests(DeskFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task EveryWrongFieldIsReportedAtOnceAndNothingIsWritten()
    {
        var before = await FootprintAsync();

        var result = await HandleAsync(Desk.Dana, new CreateTicket(new NewTicketData
        {
            RequesterId = 9_999, CategoryId = 9_999, Subject = " ", Description = "",
        }));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["CategoryId", "Description", "RequesterId", "Subject"], result.Error!.Fields.Keys.Order());
        Assert.Equal(before, await FootprintAsync());
    }

    [Fact]
    public async Task MissingSystemDetailsAreReportedWithTheOtherFieldsForACategoryThatNeedsThem()
    {
        var before = await FootprintAsync();

        var result = await HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            CategoryId = Desk.Laptop, Subject = "", Description = "  ", System = new SystemDetails { AssetTag = " " },
        }));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["Description", "Subject", "System"], result.Error!.Fields.Keys.Order());
        Assert.Equal(before, await FootprintAsync());
    }

    [Fact]
    public async Task AnInactiveCategoryCannotBeChosen()
    {
        var retired = await Db.ACategoryAsync("Fax machines", Desk.ServiceDesk);
        await using (var db = Db.CreateDbContext())
            await db.Categories.Where(c => c.Id == retired).ExecuteUpdateAsync(c => c.SetProperty(x => x.IsActive, false));

        var result = await HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData { CategoryId = retired, Subject = "Fax", Description = "No tone." }));

        Assert.Equal(["CategoryId"], result.Error?.Fields.Keys);
    }

    [Fact]
    public async Task TooLongASubjectIsRefused()
    {
        var result = await HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            CategoryId = Desk.General, Subject = new string('x', CreateTicketHandler.SubjectMax + 1), Description = "Long.",
        }));

        Assert.Equal(["Subject"], result.Error?.Fields.Keys);
    }

    [Fact]
    public async Task ARequesterAlwaysFilesForThemself()
    {
        var result = await HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Bob.UserId, CategoryId = Desk.General, Subject = "Mouse", Description = "Broken.",
        }));

        Assert.Equal(Desk.Alice.UserId, result.Value?.RequesterId);
    }

    [Fact]
    public async Task ANewTicketGoesToItsCategorysTeamAndTier()
    {
        var ticket = await Desk.ATicket().InCategory(Desk.Network);

        Assert.Equal((Desk.Infrastructure, Tier.L2, TicketStatus.New), (ticket.TeamId, ticket.Tier, ticket.Status));
    }

    [Fact]
    public async Task AnAgentLoggingACallCanTakeItAtOnce()
    {
        var result = await HandleAsync(Desk.Dana, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = Desk.General, Subject = "Phone call", Description = "Headset broken.",
        }, AssignToSelf: true));

        Assert.Equal((TicketStatus.InProgress, (int?)Desk.Dana.UserId), (result.Value?.Status, result.Value?.AssigneeId));
    }
}
