using System.Net;
using Helpdesk.Core.Data.DemoData;
using Helpdesk.Core.People;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.Account;

/// <summary>Registration, sign-in, lockout and sign-out against the running app, through its real forms.</summary>
public sealed class AccountTests(AppHost app) : IClassFixture<AppHost>
{
    [Fact]
    public async Task ARequesterRegistersAndLandsOnTheirRequests()
    {
        using var person = SignedInClient.Anonymous(app);
        var response = await person.PostFormAsync("/account/register", "register", new()
        {
            ["Input.DisplayName"] = "Rita Register", ["Input.Email"] = "rita@example.test", ["Input.Department"] = "Legal",
            ["Input.Location"] = "Oslo", ["Input.Password"] = "Correct-Horse-7", ["Input.ConfirmPassword"] = "Correct-Horse-7",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/requests", PathOf(response));
        var page = SignedInClient.Text(await person.Http.GetStringAsync("/requests"));
        Assert.Contains("My requests", page);
        Assert.Contains("Rita Register", page);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var rita = await users.FindByEmailAsync("rita@example.test");
        Assert.NotNull(rita);
        Assert.Equal(["Requester"], await users.GetRolesAsync(rita));
        Assert.Equal("Legal", rita.Department);
    }

    [Fact]
    public async Task RegistrationShowsEveryProblemAtOnceAndKeepsWhatWasTyped()
    {
        using var person = SignedInClient.Anonymous(app);
        var response = await person.PostFormAsync("/account/register", "register", new()
        {
            ["Input.DisplayName"] = "", ["Input.Email"] = "not-an-address", ["Input.Department"] = "Sales",
            ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your name.", html);
        Assert.Contains("Enter a valid e-mail address.", html);
        Assert.Contains("Passwords must be at least 10 characters.", html);
        Assert.Contains("The two passwords differ.", html);
        Assert.Contains("value=\"Sales\"", html);
        Assert.Contains("value=\"not-an-address\"", html);
    }

    [Fact]
    public async Task ADemoAgentSignsInAndSeesTheTicketQueue()
    {
        using var dana = await SignedInClient.SignInAsync(app, "dana@helpdesk.test");
        var page = SignedInClient.Text(await dana.Http.GetStringAsync("/"));
        Assert.Contains("Tickets", page);
        Assert.Contains("My teams", page);
        Assert.Matches(@"HD-\d{4}", page);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        using var person = SignedInClient.Anonymous(app);
        var response = await person.PostLoginAsync("sam@helpdesk.test", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That e-mail and password do not match an account.", await response.Content.ReadAsStringAsync());
        var unknown = await person.PostLoginAsync("nobody@helpdesk.test", "whatever");
        Assert.Contains("That e-mail and password do not match an account.", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountEvenForTheRightPassword()
    {
        using var person = SignedInClient.Anonymous(app);
        for (var i = 0; i < 5; i++) await person.PostLoginAsync("omar@helpdesk.test", "wrong-" + i);

        var response = await person.PostLoginAsync("omar@helpdesk.test", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var ines = await SignedInClient.SignInAsync(app, "ines@helpdesk.test");
        Assert.Equal(HttpStatusCode.OK, (await ines.Http.GetAsync("/requests")).StatusCode);

        var signOut = await ines.PostWithTokenFromAsync("/requests", "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await ines.Http.GetAsync("/requests");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsTheOtherSessionsToo()
    {
        // Sessions are re-checked every minute in production; this host re-checks on every request.
        await using var strict = await AppHost.StartAsync(demoTickets: 5, new Dictionary<string, string?> { ["Accounts:RevalidateSeconds"] = "0" });
        using var laptop = await SignedInClient.SignInAsync(strict, "lead@helpdesk.test");
        using var phone = await SignedInClient.SignInAsync(strict, "lead@helpdesk.test");
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/requests")).StatusCode);

        await laptop.PostWithTokenFromAsync("/requests", "/account/logout-everywhere");

        var after = await phone.Http.GetAsync("/requests");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignIn()
    {
        using var person = SignedInClient.Anonymous(app);
        var response = await person.Http.GetAsync("/tickets/1001");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LoginRedirectsOnlyWithinTheSite()
    {
        using var person = SignedInClient.Anonymous(app);
        var page = await person.Http.GetStringAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await person.Http.PostAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "login",
            ["Input.Email"] = "sam@helpdesk.test", ["Input.Password"] = DemoAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!;
        Assert.True(!target.IsAbsoluteUri || target.Authority == app.BaseUrl.Authority, $"Redirected off-site to {target}");
        Assert.Equal("/", PathOf(response));
    }

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } u ? "" : u.IsAbsoluteUri ? u.AbsolutePath : u.OriginalString;
}
