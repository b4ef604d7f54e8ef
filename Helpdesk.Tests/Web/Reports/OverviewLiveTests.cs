using System.Security.Claims;
using Bunit;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Reports;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Reports;
using Helpdesk.Web.Realtime;
using Helpdesk.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Reports;

/// <summary>The live overview over the real Core and live feed: a new ticket moves its figures without a reload.</summary>
public sealed class OverviewLiveTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private LiveFeed _live = null!;
    private Helpdesk.Core.Application.Caller _lead = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        _lead = await _db.AStaffMemberAsync("Lee Lead", [Roles.TeamLead, Roles.Agent], [_desk.ServiceDesk]);
        _live = new LiveFeed(_db.Get<IEventStream>(), NullLogger<LiveFeed>.Instance);
        await _live.StartAsync(default);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_live);
        Services.AddSingleton(_db.Get<CallerDirectory>());
        Services.AddSingleton(_db.Get<OverviewQueries>());
        Services.AddScoped<CurrentCaller>();
        Services.AddHelpdeskStore(typeof(OverviewState).Assembly);
    }

    private void SignIn(Helpdesk.Core.Application.Caller who) =>
        AddAuthorization().SetAuthorized(who.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, who.UserId.ToString()));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _live.StopAsync(default);
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task ANewTicketShowsUpInTheOverviewLive()
    {
        await _desk.ATicket().About("Printer jams");
        SignIn(_lead);
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-value=open]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("1", page.Find("[data-value=created-today]").TextContent);

        await _desk.ATicket().About("Screen flickers");

        page.WaitForAssertion(() =>
        {
            Assert.Equal("2", page.Find("[data-value=open]").TextContent);
            Assert.Equal("2", page.Find("[data-value=created-today]").TextContent);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AnAgentSeesNoFiguresEvenRenderingThePageDirectly()
    {
        SignIn(_desk.Dana);
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Contains("Reports are for team leads and administrators.", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-value]"));
    }
}
