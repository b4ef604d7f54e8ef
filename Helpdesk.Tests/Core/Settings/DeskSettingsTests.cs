using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Settings;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Core.Settings;

/// <summary>Settings changed in the app: checked, audited, in force at once (no restart); secrets never shown back.</summary>
public sealed class DeskSettingsTests(DeskFixture fixture) : DeskTest(fixture)
{
    private DeskSettings Settings => Db.Get<DeskSettings>();

    [Fact]
    public async Task AChangeIsAuditedWithBeforeAndAfterAndInForceAtOnce()
    {
        var signalled = new List<AdminArea>();
        using var _ = Db.Get<AdminSignal>().Subscribe(signalled.Add);

        var result = await Settings.SaveAsync(Desk.Admin, new Dictionary<string, string?> { [SettingKeys.ReopenWithinDays] = "3", [SettingKeys.AttachmentTypes] = "PDF, .png" });

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(3, Db.Get<TicketRules>().ReopenWithinDays);
        Assert.Equal([".pdf", ".png"], Settings.AllowedAttachmentTypes);
        Assert.Contains(AdminArea.Setting, signalled);
        await using var db = Db.CreateDbContext();
        var change = await db.AdminChanges.Where(c => c.SubjectKey == SettingKeys.ReopenWithinDays).OrderBy(c => c.Id).LastAsync();
        Assert.Equal((AdminArea.Setting, (int?)Desk.Admin.UserId, "14", "3"), (change.Area, change.ActorId, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task EveryWrongValueIsReportedAtOnceAndNothingChanges()
    {
        var before = Db.Get<TicketRules>().ArchiveClosedAfterDays;

        var result = await Settings.SaveAsync(Desk.Admin, new Dictionary<string, string?>
        {
            [SettingKeys.ArchiveClosedAfterDays] = "0", [SettingKeys.NumberPrefix] = "help desk", [SettingKeys.AttachmentTypes] = ".pdf, exe file",
            [SettingKeys.ReopenWithinDays] = "7",
        });

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal([SettingKeys.AttachmentTypes, SettingKeys.ArchiveClosedAfterDays, SettingKeys.NumberPrefix], result.Error.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, Db.Get<TicketRules>().ArchiveClosedAfterDays);
        Assert.NotEqual(7, Db.Get<TicketRules>().ReopenWithinDays);
    }

    [Fact]
    public async Task ASecretIsUsedButNeverShownBackNorAudited()
    {
        const string secret = "correct-horse-battery-staple";
        Assert.True((await Settings.SaveAsync(Desk.Admin, new Dictionary<string, string?> { [SettingKeys.SmtpPassword] = secret })).Succeeded);

        var shown = (await Settings.ListAsync(Desk.Admin))!.Single(s => s.Definition.Key == SettingKeys.SmtpPassword);
        Assert.DoesNotContain("horse", shown.Value);
        Assert.EndsWith("le", shown.Value);
        Assert.Equal(secret, Db.Get<IOptionsMonitor<MailOptions>>().CurrentValue.Smtp.Password);
        await using var db = Db.CreateDbContext();
        Assert.DoesNotContain(await db.AdminChanges.Select(c => c.OldValue + c.NewValue).ToListAsync(), v => v.Contains("horse"));

        // Saving the form with the secret left empty keeps it.
        Assert.True((await Settings.SaveAsync(Desk.Admin, new Dictionary<string, string?> { [SettingKeys.SmtpPassword] = "" })).Succeeded);
        Assert.Equal(secret, Settings.Get(SettingKeys.SmtpPassword));
    }

    [Fact]
    public async Task OnlyAdminsSeeOrChangeSettings()
    {
        foreach (var caller in new[] { Desk.Dana, Desk.Alice })
        {
            Assert.Null(await Settings.ListAsync(caller));
            var result = await Settings.SaveAsync(caller, new Dictionary<string, string?> { [SettingKeys.ReopenWithinDays] = "99" });
            Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        }
        Assert.NotEqual(99, Db.Get<TicketRules>().ReopenWithinDays);
    }

    [Fact]
    public async Task ResolvedTicketsAreClosedByTheSystemAfterTheSettingsDays()
    {
        var old = await Desk.ATicket().InStatus(TicketStatus.Resolved);
        Clock.Advance(TimeSpan.FromDays(4));
        var recent = await Desk.ATicket().InStatus(TicketStatus.Resolved);
        var autoClose = Db.Get<AutoCloseResolvedTickets>();
        Assert.Equal(0, await autoClose.RunAsync()); // off by default

        Assert.True((await Settings.SaveAsync(Desk.Admin, new Dictionary<string, string?> { [SettingKeys.AutoCloseResolvedAfterDays] = "3" })).Succeeded);
        await autoClose.RunAsync();

        Assert.Equal(TicketStatus.Closed, (await TicketAsync(old.Number)).Status);
        Assert.Equal(TicketStatus.Resolved, (await TicketAsync(recent.Number)).Status);
        var closing = (await AuditOfAsync(old.Number)).Last(a => a.Field == nameof(Ticket.Status));
        Assert.Equal(("AutoCloseResolved", (int?)null, "Closed"), (closing.Command, closing.ActorId, closing.NewValue));
        Assert.True((await Settings.SaveAsync(Desk.Admin, new Dictionary<string, string?> { [SettingKeys.AutoCloseResolvedAfterDays] = "0" })).Succeeded);
    }
}
