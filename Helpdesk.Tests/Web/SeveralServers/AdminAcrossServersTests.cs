using System.Collections.Concurrent;
using Helpdesk.Core.Admin;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Mailboxes;
using Helpdesk.Core.Settings;
using Helpdesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// An admin change saved on server A takes effect on server B as it does on A: a new custom field
/// is on B's forms, a changed setting is in force on B, and B's open admin screens are told.
/// </summary>
public sealed class AdminAcrossServersTests : TwoServersTest
{

    [Fact]
    public async Task ANewCustomFieldAndAChangedSettingTakeEffectOnTheOtherServer()
    {
        var admin = await A.CallerAsync("admin@helpdesk.test");
        var told = new ConcurrentQueue<AdminArea>();
        using var screen = B.Services.GetRequiredService<AdminSignal>().Subscribe(told.Enqueue);
        // B has read the fields already (a form was open), so only being told can show it the new one.
        Assert.DoesNotContain((await B.Services.GetRequiredService<FieldCatalog>().GetAsync()).All, f => f.Label == "Asset tag");
        var before = B.Services.GetRequiredService<DeskSettings>().Get(SettingKeys.AttachmentMaxMegabytes);

        var field = await A.Services.GetRequiredService<FieldAdmin>().SaveAsync(admin,
            new FieldInput(null, "Asset tag", "The sticker under the laptop", CustomFieldType.Text, false, [], [], []));
        Assert.True(field.Succeeded, field.Error?.Message);
        var saved = await A.Services.GetRequiredService<DeskSettings>().SaveAsync(admin,
            new Dictionary<string, string?> { [SettingKeys.AttachmentMaxMegabytes] = before == "17" ? "18" : "17" });
        Assert.True(saved.Succeeded, saved.Error?.Message);

        await Eventually.TrueAsync(async () => (await B.Services.GetRequiredService<FieldCatalog>().GetAsync()).All.Any(f => f.Label == "Asset tag"),
            "B's forms offer the new field");
        await Eventually.TrueAsync(() => Task.FromResult(B.Services.GetRequiredService<DeskSettings>().Get(SettingKeys.AttachmentMaxMegabytes) != before),
            "the new attachment limit is in force on B");
        await Eventually.TrueAsync(() => Task.FromResult(told.Contains(AdminArea.Field) && told.Contains(AdminArea.Setting)),
            "B's open forms and settings screen are told");
    }

    [Fact]
    public async Task TheStatusOfAMailboxPolledByOneServerIsShownOnEveryServer()
    {
        var at = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);

        // What the polling server records after each poll (it holds the mailbox's lease).
        A.Services.GetRequiredService<MailboxStatusBoard>().Failed("Support", at, "Authentication failed: wrong password");

        var onB = B.Services.GetRequiredService<MailboxStatusBoard>();
        await Eventually.TrueAsync(() => Task.FromResult(onB.All.Any(s => s.Mailbox == "Support")), "B's admin page shows the mailbox");
        var status = Assert.Single(onB.All);
        Assert.Equal(at, status.LastPollAt);
        Assert.Equal("Authentication failed: wrong password", status.LastError);

        A.Services.GetRequiredService<MailboxStatusBoard>().Succeeded("Support", at.AddMinutes(1), handled: 3);
        await Eventually.TrueAsync(() => Task.FromResult(onB.All.Single().LastError is null), "B shows the mailbox recovered");
        Assert.Equal(3, onB.All.Single().Handled);
    }
}
