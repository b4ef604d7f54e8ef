using System.Security.Claims;
using Bunit;
using Helpdesk.Core.Fields;
using Helpdesk.Core.People;
using Helpdesk.Tests.Core.Fields;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Intake;
using Helpdesk.Web.Features.Portal;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Fields;

/// <summary>The same field definitions drive the requester's form and the agent's intake form, over the real Core.</summary>
public sealed class CustomFieldFormsTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private FieldDefinition _os = null!, _consent = null!, _costCentre = null!, _elsewhere = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        _os = await _desk.AFieldAsync("Operating system", CustomFieldType.SingleChoice, required: true, categories: [_desk.Laptop], choices: ["Windows 11", "macOS"], help: "Shown at start-up.");
        _consent = await _desk.AFieldAsync("You may wipe the disk", CustomFieldType.Checkbox, categories: [_desk.Laptop]);
        _costCentre = await _desk.AFieldAsync("Cost centre", CustomFieldType.Text, required: true, categories: [_desk.Laptop], departments: ["Finance"]);
        _elsewhere = await _desk.AFieldAsync("Circuit id", CustomFieldType.Text, categories: [_desk.Network]);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddFallbackServiceProvider(_db.Services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    private void SignIn(string name, int userId)
    {
        Services.AddScoped(sp => new CurrentCaller(sp.GetRequiredService<AuthenticationStateProvider>(), _db.Get<CallerDirectory>()));
        AddAuthorization().SetAuthorized(name).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
    }

    private static string[] FieldsShown<T>(IRenderedComponent<T> page) where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. page.FindAll("[data-testid=custom-fields] [data-field]").Select(e => e.GetAttribute("data-field")!)];

    [Fact]
    public void ThePortalFormAsksExactlyTheFieldsOfTheCategoryAndTheRequestersDepartment()
    {
        SignIn("Alice Martin", _desk.Alice.UserId);
        var page = Render<NewRequestPage>();
        Assert.Empty(page.FindAll("[data-testid=custom-fields]"));

        var category = page.FindComponent<MudSelect<int?>>();
        page.InvokeAsync(() => category.Instance.ValueChanged.InvokeAsync(_desk.Laptop));

        // Alice is in Finance: the cost centre is asked of her; the network field is not.
        page.WaitForAssertion(() => Assert.Equal([_os.Key, _consent.Key, _costCentre.Key], FieldsShown(page)));
        Assert.Contains("Shown at start-up.", page.Markup);

        page.InvokeAsync(() => category.Instance.ValueChanged.InvokeAsync(_desk.General));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=custom-fields]")));
    }

    [Fact]
    public void SubmittingWithoutRequiredFieldsShowsEachErrorNextToItsField()
    {
        SignIn("Alice Martin", _desk.Alice.UserId);
        var page = Render<NewRequestPage>();
        page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_desk.Laptop));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=custom-fields]")));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Submit request").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Operating system is required.", page.Find($"[data-field={_os.Key}]").TextContent);
            Assert.Contains("Cost centre is required.", page.Find($"[data-field={_costCentre.Key}]").TextContent);
            Assert.Contains("Enter a subject.", page.Markup);
        });
    }

    [Fact]
    public void TheIntakeFormAsksTheSameFieldsForTheChosenRequester()
    {
        SignIn("Dana Agent", _desk.Dana.UserId);
        var page = Render<NewTicketPage>();
        page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_desk.Laptop));
        // No requester yet: department fields wait for one.
        page.WaitForAssertion(() => Assert.Equal([_os.Key, _consent.Key], FieldsShown(page)));

        var bruno = new PersonOption(_desk.Bob.UserId, "Bruno Costa", "bruno.costa@example.test", "Finance", null);
        page.InvokeAsync(() => page.FindComponent<MudAutocomplete<PersonOption>>().Instance.ValueChanged.InvokeAsync(bruno));

        page.WaitForAssertion(() => Assert.Equal([_os.Key, _consent.Key, _costCentre.Key], FieldsShown(page)));
        Assert.DoesNotContain(_elsewhere.Key, FieldsShown(page));
    }

    [Fact]
    public async Task AFieldAnAdminAddsAppearsOnAnOpenFormAtOnce()
    {
        SignIn("Alice Martin", _desk.Alice.UserId);
        var page = Render<NewRequestPage>();
        await page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_desk.Laptop));
        page.WaitForAssertion(() => Assert.Equal(3, FieldsShown(page).Length));

        var added = await _desk.AFieldAsync("Charger model", CustomFieldType.Text, categories: [_desk.Laptop]);

        page.WaitForAssertion(() => Assert.Contains(added.Key, FieldsShown(page)));
    }
}
