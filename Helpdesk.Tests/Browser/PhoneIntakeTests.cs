using System.Text.RegularExpressions;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>
/// "Logging a call" in real Chromium: Dana takes a phone call, finds the caller (or adds them on
/// the spot), fills the category-first form mostly from the keyboard and lands on the new ticket,
/// already hers and in progress.
/// </summary>
public sealed class PhoneIntakeTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAgentFindsTheCallerAndLogsTheirCallAsHerOwnTicketInProgress()
    {
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        var page = dana.Page;
        var form = new IntakeForm(page);

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAgentFindsTheCallerAndLogsTheirCallAsHerOwnTicketInProgress), async () =>
        {
            await dana.SignInAsync("dana@helpdesk.test", returnUrl: "/tickets/new");
            await dana.GotoInteractiveAsync("/tickets/new");

            // The requester box has the focus: Dana types the caller's name straight away.
            await Expect(form.Requester).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("Bruno");
            var bruno = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Bruno Costa" });
            await Expect(bruno).ToContainTextAsync("bruno.costa@example.test");
            await Expect(bruno).ToContainTextAsync("Sales");
            await bruno.ClickAsync();
            await Expect(form.Requester).ToHaveValueAsync("Bruno Costa");
            await Expect(form.Requester).ToHaveAccessibleDescriptionAsync("bruno.costa@example.test · Sales");

            await form.ChooseCategoryAsync("Access");
            await form.Description.FillAsync("Locked out since the password change this morning.");
            // Ctrl+Enter submits from any field; the missing subject is named next to it and nothing typed is lost.
            await form.Description.PressAsync("Control+Enter");
            await Expect(form.Section.GetByText("Enter a subject.")).ToBeVisibleAsync();
            await Expect(form.Subject).ToBeFocusedAsync();
            await Expect(form.Description).ToHaveValueAsync("Locked out since the password change this morning.");
            await Expect(form.Requester).ToHaveValueAsync("Bruno Costa");

            await form.Subject.FillAsync("Bruno is locked out of his account");
            await Expect(form.Section.GetByText("Enter a subject.")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "phone-intake-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create ticket" }).ClickAsync();

            await page.WaitForURLAsync(new Regex(@"/tickets/\d+$"));
            var number = int.Parse(Regex.Match(page.Url, @"/tickets/(\d+)$").Groups[1].Value);
            await Expect(page.GetByText($"{TicketNumber.Format(number)} created")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bruno is locked out of his account" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("assignee")).ToContainTextAsync("Dana Agent");
            await Expect(page.Locator("[data-status=InProgress]").First).ToBeVisibleAsync();

            var ticket = await TicketAsync(number);
            Assert.Equal(Channel.Phone, ticket.Channel);
            Assert.Equal(Impact.Individual, ticket.Impact);
            Assert.Equal(Urgency.Soon, ticket.Urgency);
            Assert.Equal("Bruno Costa", await NameOfAsync(ticket.RequesterId));
            Assert.True(dana.Errors.Count == 0, "The page reported errors:\n" + dana.Console);
        });
    }

    [Fact]
    public async Task AnAgentAddsAnUnknownCallerOnTheSpotAndFilesTheirWalkInTicket()
    {
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        var page = dana.Page;
        var form = new IntakeForm(page);

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAgentAddsAnUnknownCallerOnTheSpotAndFilesTheirWalkInTicket), async () =>
        {
            await dana.SignInAsync("dana@helpdesk.test", returnUrl: "/tickets/new");
            await dana.GotoInteractiveAsync("/tickets/new");

            await Expect(form.Requester).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("Nadia Newcomer");
            await Expect(page.GetByText("Nobody found")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "New person" }).ClickAsync();

            // The name typed in the search is kept; the caret waits in the e-mail field.
            var person = page.GetByRole(AriaRole.Group, new() { Name = "New person" });
            await Expect(person.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Nadia Newcomer");
            var email = person.GetByLabel("E-mail", new() { Exact = true });
            await Expect(email).ToBeFocusedAsync();
            // An e-mail the desk already knows is refused next to the field; the rest stays as typed.
            await page.Keyboard.TypeAsync("Bruno.Costa@example.test");
            await person.GetByLabel("Department").FillAsync("Logistics");
            await person.GetByLabel("Location").FillAsync("Warehouse 2");
            await person.GetByLabel("Location").PressAsync("Enter");
            await Expect(person.GetByText("Someone with this e-mail already exists")).ToBeVisibleAsync();
            await Expect(person.GetByLabel("Department")).ToHaveValueAsync("Logistics");
            await BrowserFixture.ScreenshotAsync(page, "phone-intake-new-person-error");

            await email.FillAsync("nadia.newcomer@example.test");
            await email.PressAsync("Enter");
            await Expect(person).ToHaveCountAsync(0);
            await Expect(form.Requester).ToHaveValueAsync("Nadia Newcomer");
            await Expect(form.Requester).ToHaveAccessibleDescriptionAsync("nadia.newcomer@example.test · Logistics");

            await page.GetByText("Walk-in", new() { Exact = true }).ClickAsync();
            await form.ChooseCategoryAsync("Access");
            await form.Subject.FillAsync("Badge does not open the warehouse door");
            await form.Description.FillAsync("New starter, came to the desk in person.");
            await form.Description.PressAsync("Control+Enter");

            await page.WaitForURLAsync(new Regex(@"/tickets/\d+$"));
            var number = int.Parse(Regex.Match(page.Url, @"/tickets/(\d+)$").Groups[1].Value);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Badge does not open the warehouse door" })).ToBeVisibleAsync();
            await Expect(page.GetByText("nadia.newcomer@example.test")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("assignee")).ToContainTextAsync("Dana Agent");

            var ticket = await TicketAsync(number);
            Assert.Equal(Channel.WalkIn, ticket.Channel);
            await using var db = await DbAsync();
            var nadia = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ticket.RequesterId);
            Assert.Equal(("Nadia Newcomer", "NADIA.NEWCOMER@EXAMPLE.TEST", "Logistics", "Warehouse 2"), (nadia.DisplayName, nadia.NormalizedEmail, nadia.Department, nadia.Location));
            Assert.Null(nadia.PasswordHash);
            Assert.True(dana.Errors.Count == 0, "The page reported errors:\n" + dana.Console);
        });
    }

    [Fact]
    public async Task TabGoesThroughTheFormInTheOrderItIsRead()
    {
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        var page = dana.Page;
        var form = new IntakeForm(page);
        await dana.SignInAsync("dana@helpdesk.test", returnUrl: "/tickets/new");
        await dana.GotoInteractiveAsync("/tickets/new");
        await Expect(form.Requester).ToBeFocusedAsync();

        ILocator[] order =
        [
            page.GetByRole(AriaRole.Button, new() { Name = "New person" }),
            page.GetByRole(AriaRole.Radio, new() { Name = "Phone" }),
            page.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" }),
            form.Subject,
            form.Description,
            page.GetByRole(AriaRole.Radio, new() { Name = "Only the requester" }),
            page.GetByRole(AriaRole.Radio, new() { Name = "Needed soon" }),
            page.GetByRole(AriaRole.Checkbox, new() { Name = "Assign to me and start work" }),
            page.GetByRole(AriaRole.Button, new() { Name = "Create ticket" }),
        ];
        foreach (var next in order)
        {
            await page.Keyboard.PressAsync("Tab");
            await Expect(next).ToBeFocusedAsync();
        }
    }

    private Task<HelpdeskDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();

    private async Task<Ticket> TicketAsync(int number)
    {
        await using var db = await DbAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number);
    }

    private async Task<string> NameOfAsync(int userId)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
    }

    /// <summary>The "New ticket" form's fields, by their labels.</summary>
    private sealed class IntakeForm(IPage page)
    {
        public ILocator Section { get; } = page.Locator("[data-submit-scope=ticket]");
        public ILocator Requester => page.GetByLabel("Requester", new() { Exact = true });
        public ILocator Subject => Section.GetByLabel("Subject");
        public ILocator Description => Section.GetByLabel("Description");

        public async Task ChooseCategoryAsync(string name)
        {
            await page.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true }).ClickAsync();
        }
    }
}
