using System.Security.Claims;
using Bunit;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
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

/// <summary>The dashboard page rendered by bunit over the real Core (temp SQLite) and the real live feed.</summary>
public sealed class DashboardPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private LiveFeed _live = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        _live = new LiveFeed(_db.Get<IEventStream>(), NullLogger<LiveFeed>.Instance);
        await _live.StartAsync(default);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
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
    public async Task TheQueueShowsMyTeamsOpenTicketsAndFollowsAFilter()
    {
        var open = await _desk.ATicket().About("Printer jams").InStatus(TicketStatus.Open);
        var pending = await _desk.ATicket().About("Waiting on Alice").InStatus(TicketStatus.Pending);
        var otherTeam = await _desk.ATicket().InCategory(_desk.Network).About("Core switch down");
        Render<MudPopoverProvider>();

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() =>
        {
            Assert.NotEmpty(page.FindAll($"[data-ticket='{open.Number}']"));
            Assert.NotEmpty(page.FindAll($"[data-ticket='{pending.Number}']"));
        });
        Assert.Empty(page.FindAll($"[data-ticket='{otherTeam.Number}']"));
        Assert.Contains("2 tickets", page.Find("[data-testid=queue-total]").TextContent);

        var store = Services.GetRequiredService<IState<QueueState>>();
        Services.GetRequiredService<IDispatcher>().Dispatch(new ChangeQuery(store.Value.Query with { Statuses = [TicketStatus.Pending] }));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-ticket='{open.Number}']")));
        Assert.NotEmpty(page.FindAll($"[data-ticket='{pending.Number}']"));
    }

    [Fact]
    public async Task ARowUpdatesWhenItsTicketChangesElsewhere()
    {
        var ticket = await _desk.ATicket().About("Laptop fan loud").InStatus(TicketStatus.Open);
        Render<MudPopoverProvider>();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-ticket='{ticket.Number}']")));

        // Sam, in another browser, starts work and takes it.
        await _desk.HandleAsync(_desk.Sam, new ChangeStatus(ticket.Number, TicketStatus.InProgress));
        await _desk.HandleAsync(_desk.Sam, new AssignTicket(ticket.Number, _desk.Sam.UserId));

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!;
            Assert.NotNull(row.QuerySelector("[data-status=InProgress]"));
            Assert.Contains("Sam Agent", row.TextContent);
            Assert.Contains("hd-flash", row.ClassName);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ANewTicketForMyTeamAppearsWithoutReload()
    {
        Render<MudPopoverProvider>();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.False(Services.GetRequiredService<IState<QueueState>>().Value.Loading));

        var created = await _desk.ATicket().About("Monitor flickers");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-ticket='{created.Number}']")), TimeSpan.FromSeconds(5));
    }
}
