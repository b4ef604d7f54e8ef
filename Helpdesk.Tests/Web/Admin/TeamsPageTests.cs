using System.Security.Claims;
using Bunit;
using Helpdesk.Core.Admin;
using Helpdesk.Core.People;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Admin.Teams;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Admin;

/// <summary>The teams page rendered by bunit over the real Core (temp SQLite), as Ada (admin).</summary>
public sealed class TeamsPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(_db.Get<CallerDirectory>());
        Services.AddSingleton(_db.Get<TeamAdmin>());
        Services.AddSingleton(_db.Get<AdminSignal>());
        Services.AddScoped<CurrentCaller>();
        AddAuthorization().SetAuthorized("Ada Admin").SetRoles(Roles.Admin)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, _desk.Admin.UserId.ToString()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<TeamsPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<TeamsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-team]")), TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task TheAdminMarksALeadRemovesAMemberAndCreatesATeam()
    {
        var page = RenderPage();
        var serviceDesk = page.Find("[data-team='Service desk']");
        Assert.Contains("Dana Agent", serviceDesk.TextContent);
        Assert.Contains("Routing", page.Find("a[href='/admin/routing']").TextContent);

        // Dana leads the service desk: the checkbox writes through TeamAdmin, and her next request is a lead's.
        var danaRow = page.FindAll("[data-team='Service desk'] tr").Single(r => r.TextContent.Contains("Dana Agent"));
        danaRow.QuerySelector("input[type=checkbox]")!.Change(true);
        await WaitAsync(async () => (await _db.Get<CallerDirectory>().ForUserAsync(_desk.Dana.UserId))!.IsLead);

        // Sam leaves the service desk.
        page.FindAll("[data-team='Service desk'] tr").Single(r => r.TextContent.Contains("Sam Agent")).QuerySelector("button")!.Click();
        await WaitAsync(async () => !(await _db.Get<CallerDirectory>().ForUserAsync(_desk.Sam.UserId))!.TeamIds.Contains(_desk.ServiceDesk));
        page.WaitForAssertion(() => Assert.DoesNotContain("Sam Agent", page.Find("[data-team='Service desk'] [data-testid=members]").TextContent), TimeSpan.FromSeconds(10));

        // A new team appears at once; an empty name is refused next to the field.
        page.Find("input[data-testid=new-team-name], [data-testid=new-team-name] input").Change("Field service");
        page.FindAll("button").Single(b => b.TextContent.Contains("Create team")).Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-team='Field service']")), TimeSpan.FromSeconds(10));
        page.FindAll("button").Single(b => b.TextContent.Contains("Create team")).Click();
        page.WaitForAssertion(() => Assert.Contains("Name the team.", page.Markup), TimeSpan.FromSeconds(10));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }
}
