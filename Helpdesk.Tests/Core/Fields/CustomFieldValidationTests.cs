using Helpdesk.Core.Application;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Fields;

/// <summary>A new ticket asks exactly the fields that apply to its category and the requester's department, and reports every wrong one at once.</summary>
public sealed class CustomFieldValidationTests(DeskFixture fixture) : DeskTest(fixture)
{
    private Task<Result<TicketRow>> CreateAsync(Caller caller, int category, Dictionary<string, string>? fields, Caller? requester = null) =>
        HandleAsync(caller, new CreateTicket(new NewTicketData
        {
            RequesterId = (requester ?? caller).UserId, CategoryId = category, Subject = "Laptop will not start", Description = "Black screen.",
            CustomFields = fields,
        }));

    [Fact]
    public async Task EveryWrongOrMissingFieldIsReportedAtOnceAndNothingIsWritten()
    {
        var category = await Desk.AFreshCategoryAsync();
        var cost = await Desk.AFieldAsync("Repair cost " + category, CustomFieldType.Number, required: true, categories: [category]);
        var since = await Desk.AFieldAsync("Broken since " + category, CustomFieldType.Date, categories: [category]);
        var os = await Desk.AFieldAsync("OS " + category, CustomFieldType.SingleChoice, required: true, categories: [category], choices: ["Windows 11", "macOS"]);
        var consent = await Desk.AFieldAsync("May wipe the disk " + category, CustomFieldType.Checkbox, required: true, categories: [category]);
        var before = await FootprintAsync();

        var result = await CreateAsync(Desk.Alice, category, new() { [since.Key] = "last tuesday", [os.Key] = "Linux", [consent.Key] = "false", ["nope"] = "x" });

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Contains($"Repair cost {category} is required.", result.Error.Errors(cost.Key));
        Assert.Contains($"Broken since {category} must be a date (YYYY-MM-DD).", result.Error.Errors(since.Key));
        Assert.Contains($"OS {category}: choose one of the options offered.", result.Error.Errors(os.Key));
        Assert.Contains($"Tick \"May wipe the disk {category}\" to go on.", result.Error.Errors(consent.Key));
        Assert.Contains("There is no field \"nope\".", result.Error.Errors("nope"));
        Assert.Equal(before, await FootprintAsync());
    }

    [Fact]
    public async Task ValidValuesAreStoredInOneFormAndReadBackByLabel()
    {
        var category = await Desk.AFreshCategoryAsync();
        var cost = await Desk.AFieldAsync("Cost " + category, CustomFieldType.Number, categories: [category]);
        var when = await Desk.AFieldAsync("When " + category, CustomFieldType.Date, categories: [category]);
        var apps = await Desk.AFieldAsync("Apps " + category, CustomFieldType.MultiChoice, categories: [category], choices: ["Outlook", "Teams", "Excel"]);
        var asset = await Desk.AFieldAsync("Asset " + category, CustomFieldType.AssetReference, categories: [category]);

        var row = (await CreateAsync(Desk.Alice, category, new()
        {
            [cost.Key] = " 12.50 ", [when.Key] = "2026-03-01", [apps.Key] = "Excel, outlook", [asset.Key] = "LT-0042",
        })).Value!;

        var details = (await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Alice, row.Number))!;
        Assert.Equal("12.50", details.CustomFields[cost.Key]);
        Assert.Equal("2026-03-01", details.CustomFields[when.Key]);
        Assert.Equal("excel,outlook", details.CustomFields[apps.Key]);
        Assert.Equal("LT-0042", details.CustomFields[asset.Key]);
        Assert.Equal("Outlook, Excel", apps.Display(["excel", "outlook"]));
    }

    [Fact]
    public async Task FieldsOfAParentCategoryApplyToItsChildrenButNotToOtherCategories()
    {
        var hardware = await Desk.AFreshCategoryAsync();
        var laptop = await Desk.AFreshCategoryAsync(parentId: hardware);
        var other = await Desk.AFreshCategoryAsync();
        var serial = await Desk.AFieldAsync("Serial " + hardware, CustomFieldType.Text, required: true, categories: [hardware]);

        var set = await Db.Get<FieldCatalog>().GetAsync();
        Assert.Contains(set.ApplicableTo(laptop, "Finance"), f => f.Key == serial.Key);
        Assert.DoesNotContain(set.ApplicableTo(other, "Finance"), f => f.Key == serial.Key);

        var elsewhere = await CreateAsync(Desk.Alice, other, new() { [serial.Key] = "X1" });
        Assert.Contains($"Serial {hardware} does not apply to this ticket.", elsewhere.Error!.Errors(serial.Key));
        Assert.True((await CreateAsync(Desk.Alice, laptop, new() { [serial.Key] = "X1" })).Succeeded);
    }

    [Fact]
    public async Task ADepartmentFieldIsAskedOnlyOfThatDepartmentsRequesters()
    {
        var category = await Desk.AFreshCategoryAsync();
        var costCentre = await Desk.AFieldAsync("Cost centre " + category, CustomFieldType.Text, required: true, categories: [category], departments: ["finance"]);
        var set = await Db.Get<FieldCatalog>().GetAsync();

        Assert.Contains(set.ApplicableTo(category, "Finance"), f => f.Key == costCentre.Key);
        Assert.DoesNotContain(set.ApplicableTo(category, "Sales"), f => f.Key == costCentre.Key);
        Assert.DoesNotContain(set.ApplicableTo(category, null), f => f.Key == costCentre.Key);
        // Alice is in Finance: her request without it is refused; the agent filing for her gets the same answer.
        Assert.NotEmpty((await CreateAsync(Desk.Alice, category, null)).Error!.Errors(costCentre.Key));
        Assert.NotEmpty((await CreateAsync(Desk.Dana, category, null, requester: Desk.Alice)).Error!.Errors(costCentre.Key));
    }
}
