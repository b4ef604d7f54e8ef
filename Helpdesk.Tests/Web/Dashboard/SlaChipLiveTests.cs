using System.Security.Claims;
using Bunit;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Dashboard;
using Helpdesk.Web.Realtime;
using Helpdesk.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Dashboard;

/// <summary>The dashboard's SLA chip over the real Core and live feed: it turns red by itself when the SLA service records a breach.</summary>
public sealed class SlaChipLiveTests : BunitContext, IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private LiveFeed _live = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(s => s.AddSingleton<TimeProvider>(_clock));
        _desk = await Desk.CreateAsync(_db);
        _live = new LiveFeed(_db.Get<IEventStream>(), NullLogger<LiveFeed>.Instance);
        await _live.StartAsync(default);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_live);
        Services.AddSingleton(new PresenceTracker(TimeProvider.System, NullLogger<PresenceTracker>.Instance));
        Services.AddLocalization();
        Services.AddSingleton(_db.Get<CallerDirectory>());
        Services.AddSingleton(_db.Get<TicketQueries>());
        Services.AddSingleton(_db.Get<CategoryQueries>());
        Services.AddSingleton(_db.Get<Helpdesk.Core.Fields.FieldCatalog>());
        Services.AddScoped<CurrentCaller>();
        Services.AddHelpdeskStore(typeof(QueueState).Assembly);
        AddAuthorization().SetAuthorized("Dana Agent").SetClaims(new Claim(ClaimTypes.NameIdentifier, _desk.Dana.UserId.ToString()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _live.StopAsync(default);
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task TheSlaChipTurnsRedLiveWhenTheTicketBreaches()
    {
        var settings = _db.Get<SlaSettings>();
        var calendar = (await settings.SaveCalendarAsync(_desk.Admin, new SlaCalendarInput(null, "Around the clock", "Europe/Paris",
            [.. Enumerable.Range(1, 7).Select(d => new WorkingHoursView(d, 0, 0))], []), false)).Value;
        Assert.True((await settings.SavePolicyAsync(_desk.Admin, new SlaPolicyInput(null, "Everything in an hour", true, Priority.P4, null, null, calendar, 60, 240, 75), false)).Succeeded);
        var ticket = await _desk.ATicket().About("Projector flickers");
        Render<MudPopoverProvider>();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal("OnTrack", page.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!.QuerySelector("[data-sla]")!.GetAttribute("data-sla")));
        Assert.Contains("1 h 0 min left", page.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!.TextContent);

        _clock.Advance(TimeSpan.FromMinutes(61));
        await _db.Get<SlaProcessor>().RunDueAsync();

        page.WaitForAssertion(() =>
        {
            var chip = page.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!.QuerySelector("[data-sla]")!;
            Assert.Equal("Breached", chip.GetAttribute("data-sla"));
            Assert.Contains("mud-chip-color-error", chip.ClassName);
            Assert.Contains("1 min over", chip.TextContent);
        }, TimeSpan.FromSeconds(10));
    }
}
