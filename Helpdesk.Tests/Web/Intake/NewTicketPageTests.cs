using System.Security.Claims;
using Bunit;
using Helpdesk.Core.People;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Intake;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Intake;

/// <summary>The agent's "New ticket" form rendered by bunit over the real Core (temp SQLite), signed in as Dana.</summary>
public sealed class NewTicketPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The fallback provider answers the page's own injections, not a constructor's: give CurrentCaller its directory here.
        Services.AddScoped(sp => new CurrentCaller(sp.GetRequiredService<AuthenticationStateProvider>(), _db.Get<CallerDirectory>()));
        Services.AddFallbackServiceProvider(_db.Services);
        AddAuthorization().SetAuthorized("Dana Agent").SetClaims(new Claim(ClaimTypes.NameIdentifier, _desk.Dana.UserId.ToString()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void OpensOnTheRequesterSearchWithTheDefaultsOfAPhoneCall()
    {
        var page = Render<NewTicketPage>();

        var search = page.FindComponent<MudAutocomplete<PersonOption>>();
        Assert.Equal("Requester", search.Instance.Label);
        Assert.Null(search.Instance.GetState(x => x.Value));
        Assert.Equal(Helpdesk.Core.Tickets.Channel.Phone, page.FindComponent<MudRadioGroup<Helpdesk.Core.Tickets.Channel>>().Instance.Value);
        Assert.Equal(Helpdesk.Core.Tickets.Impact.Individual, page.FindComponent<MudRadioGroup<Helpdesk.Core.Tickets.Impact>>().Instance.Value);
        Assert.Equal(Helpdesk.Core.Tickets.Urgency.Soon, page.FindComponent<MudRadioGroup<Helpdesk.Core.Tickets.Urgency>>().Instance.Value);
        Assert.True(page.FindComponent<MudCheckBox<bool>>().Instance.GetState(x => x.Value));
        Assert.Contains("Assign to me and start work", page.Markup);
        // The requester box takes the focus, so the agent can type the caller's name at once.
        Assert.Contains(JSInterop.Invocations, i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheRequesterSearchFindsPeopleByNameAndShowsTheirEmailAndDepartment()
    {
        Render<MudPopoverProvider>();
        var page = Render<NewTicketPage>();
        var search = page.FindComponent<MudAutocomplete<PersonOption>>();

        var found = await page.InvokeAsync(() => search.Instance.SearchFunc!("Bruno", CancellationToken.None)!);

        var bruno = Assert.Single(found!);
        Assert.Equal(_desk.Bob.UserId, bruno.Id);
        Assert.Equal("bruno.costa@example.test", bruno.Email);
        Assert.Equal("Finance", bruno.Department);
    }

    [Fact]
    public void SystemDetailsAreAskedOnlyForACategoryThatNeedsThem()
    {
        var page = Render<NewTicketPage>();
        var category = page.FindComponent<MudSelect<int?>>();
        Assert.Empty(page.FindAll("[data-testid=system-details]"));

        page.InvokeAsync(() => category.Instance.ValueChanged.InvokeAsync(_desk.General));
        Assert.Empty(page.FindAll("[data-testid=system-details]"));

        page.InvokeAsync(() => category.Instance.ValueChanged.InvokeAsync(_desk.Laptop));
        page.WaitForAssertion(() => Assert.Contains("Asset tag", page.Find("[data-testid=system-details]").TextContent));

        page.InvokeAsync(() => category.Instance.ValueChanged.InvokeAsync(_desk.General));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=system-details]")));
    }

    [Fact]
    public void SubmittingAnEmptyFormShowsEveryProblemNextToItsField()
    {
        var page = Render<NewTicketPage>();

        page.Find("[data-submit=ticket]").Click();

        page.WaitForAssertion(() => Assert.Contains("Please correct the highlighted fields.", page.Find("[role=alert]").TextContent));
        Assert.Equal("Choose the requester.", page.FindComponent<MudAutocomplete<PersonOption>>().Instance.GetState(x => x.ErrorText));
        Assert.Equal("Choose a category.", page.FindComponent<MudSelect<int?>>().Instance.GetState(x => x.ErrorText));
        Assert.Contains("Enter a subject.", page.Markup);
        Assert.Contains("Describe the problem or request.", page.Markup);
    }

    [Fact]
    public void NewPersonOpensAnInlineFormThatTakesWhatWasTypedAsTheName()
    {
        var page = Render<NewTicketPage>();
        var search = page.FindComponent<MudAutocomplete<PersonOption>>();
        page.InvokeAsync(() => search.Instance.TextChanged.InvokeAsync("Nadia Phone"));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "New person").Click();

        var form = page.FindComponent<NewRequesterForm>();
        Assert.Equal("Nadia Phone", form.FindComponents<MudTextField<string>>()[0].Instance.GetState(x => x.Value));
        Assert.Contains("E-mail", form.Markup);
        Assert.Contains("Department", form.Markup);
        Assert.Contains("Location", form.Markup);
    }
}
