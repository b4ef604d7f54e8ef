using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Fields.Commands;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Fields;

/// <summary>Agents edit a ticket's field values through the one write path: audited, versioned, live; retired options keep reading.</summary>
public sealed class TicketFieldEditTests(DeskFixture fixture) : DeskTest(fixture)
{
    private async Task<(int Category, FieldDefinition Os, FieldDefinition Notes, TicketRow Row)> ATicketWithFieldsAsync()
    {
        var category = await Desk.AFreshCategoryAsync();
        var os = await Desk.AFieldAsync("OS " + category, CustomFieldType.SingleChoice, categories: [category], choices: ["Windows 10", "Windows 11"]);
        var notes = await Desk.AFieldAsync("Notes " + category, CustomFieldType.LongText, categories: [category]);
        var row = (await HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = category, Subject = "Slow laptop", Description = "Very slow.",
            CustomFields = new Dictionary<string, string> { [os.Key] = "Windows 10" },
        }))).Value!;
        return (category, os, notes, row);
    }

    [Fact]
    public async Task AnAgentsEditIsAuditedVersionedAndPublished()
    {
        var (_, os, notes, row) = await ATicketWithFieldsAsync();
        using var probe = Probe(e => e.Row.Number == row.Number && e.Kind == TicketEventKind.FieldsChanged);

        var result = await HandleAsync(Desk.Dana, new SetTicketFields(row.Number,
            new Dictionary<string, string> { [os.Key] = "windows-11", [notes.Key] = "Reinstalled drivers" }, row.Version));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(row.Version + 1, result.Value!.Version);
        await probe.Published;
        var audit = (await AuditOfAsync(row.Number)).Where(a => a.Field.StartsWith(AuditRecorder.CustomFieldPrefix)).ToList();
        Assert.Contains(audit, a => a.Field == "cf:" + os.Key && a.OldValue == "Windows 10" && a.NewValue == "Windows 11" && a.ActorId == Desk.Dana.UserId);
        Assert.Contains(audit, a => a.Field == "cf:" + notes.Key && a.OldValue == null && a.NewValue == "Reinstalled drivers");
    }

    [Fact]
    public async Task ARetiredOptionStillReadsOnOldTicketsButIsNoLongerOffered()
    {
        var (category, os, notes, row) = await ATicketWithFieldsAsync();
        var admin = Db.Get<FieldAdmin>();
        var retired = await admin.SaveAsync(Desk.Admin, new FieldInput(os.Id, os.Label, null, os.Type, false,
            [new ChoiceInput("windows-11", "Windows 11"), new ChoiceInput("windows-10", "Windows 10", IsRetired: true)], [category], []));
        Assert.True(retired.Succeeded);

        var field = (await Db.Get<FieldCatalog>().GetAsync())[os.Key]!;
        Assert.Equal(["Windows 11"], field.ActiveChoices.Select(c => c.Label));
        var details = (await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Dana, row.Number))!;
        Assert.Equal("Windows 10", field.Display([details.CustomFields[os.Key]]));

        // Editing another field keeps the old value; a new ticket cannot choose it any more.
        var edit = await HandleAsync(Desk.Dana, new SetTicketFields(row.Number,
            new Dictionary<string, string> { [os.Key] = "windows-10", [notes.Key] = "kept" }));
        Assert.True(edit.Succeeded, edit.Error?.Message);
        var refused = await HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = category, Subject = "Another", Description = "Another.",
            CustomFields = new Dictionary<string, string> { [os.Key] = "windows-10" },
        }));
        Assert.NotEmpty(refused.Error!.Errors(os.Key));
    }

    [Fact]
    public async Task RequestersCannotEditFieldsAndNothingChanges()
    {
        var (_, os, _, row) = await ATicketWithFieldsAsync();
        var before = await FootprintAsync(row.Number);

        var result = await HandleAsync(Desk.Alice, new SetTicketFields(row.Number, new Dictionary<string, string> { [os.Key] = "windows-11" }));

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        Assert.Equal(before, await FootprintAsync(row.Number));
    }

    [Fact]
    public async Task OnlyAdminsDefineFields()
    {
        var admin = Db.Get<FieldAdmin>();
        foreach (var caller in new[] { Desk.Dana, Desk.Alice })
        {
            var result = await admin.SaveAsync(caller, new FieldInput(null, "Sneaky", null, CustomFieldType.Text, false, [], [], []));
            Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
            Assert.Null(await admin.ListAsync(caller));
        }
        Assert.DoesNotContain((await Db.Get<FieldCatalog>().GetAsync()).All, f => f.Label == "Sneaky");
    }
}
