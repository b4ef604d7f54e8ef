using Helpdesk.Core.Admin;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Fields.Commands;
using Helpdesk.Core.Settings;
using Helpdesk.Tests.Core.Fields;

namespace Helpdesk.Tests.Core.Admin;

/// <summary>Admins read ticket and admin changes together, filtered by ticket, person, setting and date, and export them as CSV.</summary>
public sealed class AuditViewerTests(DeskFixture fixture) : DeskTest(fixture)
{
    private AuditQueries Audit => Db.Get<AuditQueries>();

    [Fact]
    public async Task FiltersFindTicketFieldAndSettingChangesWithBeforeAndAfter()
    {
        var category = await Desk.AFreshCategoryAsync();
        var model = await Desk.AFieldAsync("Model " + category, CustomFieldType.Text, categories: [category]);
        var ticket = await Desk.ATicket().InCategory(category);
        Assert.True((await HandleAsync(Desk.Dana, new SetTicketFields(ticket.Number, new Dictionary<string, string> { [model.Key] = "T14" }))).Succeeded);
        Assert.True((await Db.Get<DeskSettings>().SaveAsync(Desk.Admin, new Dictionary<string, string?> { [SettingKeys.AttachmentMaxMegabytes] = "25" })).Succeeded);

        var byTicket = (await Audit.SearchAsync(Desk.Admin, new AuditFilter(Ticket: ticket.DisplayNumber)))!;
        Assert.Contains(byTicket, r => r.Field == model.Label && r.Before == null && r.After == "T14" && r.Actor == "Dana Agent");
        Assert.All(byTicket, r => Assert.Equal(ticket.Number, r.TicketNumber));

        var settings = (await Audit.SearchAsync(Desk.Admin, new AuditFilter(Area: AdminArea.Setting, Subject: "Attachments.MaxMegabytes")))!;
        var change = Assert.Single(settings);
        Assert.Equal(("10", "25", "Ada Admin"), (change.Before, change.After, change.Actor));

        var byDana = (await Audit.SearchAsync(Desk.Admin, new AuditFilter(PersonId: Desk.Dana.UserId)))!;
        Assert.Contains(byDana, r => r.After == "T14");
        Assert.DoesNotContain(byDana, r => r.Kind == nameof(AdminArea.Setting));

        var future = (await Audit.SearchAsync(Desk.Admin, new AuditFilter(From: Clock.GetUtcNow().UtcDateTime.AddDays(1))))!;
        Assert.Empty(future);
    }

    [Fact]
    public async Task TheCsvHasAHeaderAndNeutralisesFormulas()
    {
        var ticket = await Desk.ATicket().About("=HYPERLINK(\"http://evil.test\")");

        var csv = (await Audit.CsvAsync(Desk.Admin, new AuditFilter(Ticket: ticket.DisplayNumber)))!;

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,who,kind,subject,field,before,after", lines[0]);
        Assert.Contains(lines, l => l.Contains("Created") && l.Contains(ticket.DisplayNumber));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',').Any(f => f.TrimStart('"').StartsWith('=')));
    }

    [Fact]
    public async Task OnlyAdminsReadTheAuditLog()
    {
        foreach (var caller in new[] { Desk.Dana, Desk.Alice })
        {
            Assert.Null(await Audit.SearchAsync(caller, new AuditFilter()));
            Assert.Null(await Audit.CsvAsync(caller, new AuditFilter()));
        }
    }
}
