using System.Net;
using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.Account;

/// <summary>An admin invites an agent: the account without a password, the mailed one-time link, the set-password page, through the running app.</summary>
public sealed class InvitationTests(AppHost app) : IClassFixture<AppHost>
{
    private AgentInvitations Invitations => app.Services.GetRequiredService<AgentInvitations>();

    private async Task<Caller> CallerAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
        return (await app.Services.GetRequiredService<CallerDirectory>().ForUserAsync(user!.Id))!;
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}@example.test";

    private async Task<InvitationSent> InviteAsync(string email, string role = Roles.Agent)
    {
        var admin = await CallerAsync("admin@helpdesk.test");
        int team;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
            team = await db.Teams.Where(t => t.Name == "Service desk").Select(t => t.Id).SingleAsync();
        var result = await Invitations.InviteAsync(admin, new InvitationInput("Ivy Invited", email, role, Tier.L2, [team]));
        Assert.True(result.Succeeded, result.Error is null ? null : string.Join(" ", result.Error.Fields.SelectMany(f => f.Value).Append(result.Error.Message)));
        return result.Value!;
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    private static Dictionary<string, string> Passwords(string password, string confirm) =>
        new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm };

    [Fact]
    public async Task TheInvitationIsQueuedWithTheLinkAndTheAccountHasTheRoleTierAndTeam()
    {
        var email = Unique("ivy");
        var sent = await InviteAsync(email, Roles.TeamLead);

        Assert.True(sent.Mailed);
        Assert.StartsWith("http://localhost:5080/account/invitation?user=", sent.Link);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var mail = await db.OutgoingMail.SingleAsync(m => m.To.Contains(email));
        Assert.Contains(sent.Link, mail.TextBody);
        Assert.Contains(WebUtility.HtmlEncode(sent.Link), mail.HtmlBody);
        var caller = (await app.Services.GetRequiredService<CallerDirectory>().ForUserAsync(sent.UserId))!;
        Assert.True(caller.IsLead && caller.IsStaff);
        Assert.Equal(Tier.L2, caller.Tier);
        Assert.Single(caller.TeamIds);
        Assert.True(await db.TeamMembers.AnyAsync(m => m.UserId == sent.UserId && m.IsLead));
        Assert.Null((await db.Users.SingleAsync(u => u.Id == sent.UserId)).PasswordHash);
        Assert.Contains(await db.AdminChanges.Where(c => c.SubjectKey == sent.UserId.ToString()).ToListAsync(), c => c.Field == "Invited" && c.NewValue == email);
    }

    [Fact]
    public async Task TheLinkSetsThePasswordOnceSignsTheInviteeInAndIsDeadAfterwards()
    {
        var email = Unique("otto");
        var sent = await InviteAsync(email);
        using var invitee = SignedInClient.Anonymous(app);

        // Every problem at once, next to its field.
        var weak = await invitee.PostFormAsync(PathOf(sent.Link), "invitation", Passwords("short", "other"));
        var html = await weak.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Passwords must be at least 10 characters.", html);
        Assert.Contains("The two passwords differ.", html);

        var done = await invitee.PostFormAsync(PathOf(sent.Link), "invitation", Passwords("Welcome-Aboard-9", "Welcome-Aboard-9"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Ivy Invited", SignedInClient.Text(await invitee.Http.GetStringAsync("/")));

        using var again = SignedInClient.Anonymous(app);
        var reused = SignedInClient.Text(await again.Http.GetStringAsync(PathOf(sent.Link)));
        Assert.Contains("This link has expired or was already used.", reused);
        Assert.DoesNotContain("Repeat the password", reused);
        using var signedIn = await SignedInClient.SignInAsync(app, email, "Welcome-Aboard-9");
    }

    [Fact]
    public async Task AForgedLinkOrAnotherPersonsTokenIsRefused()
    {
        var first = await InviteAsync(Unique("pat"));
        var second = await InviteAsync(Unique("quinn"));
        var token = first.Link[(first.Link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        using var client = SignedInClient.Anonymous(app);

        var swapped = await client.Http.GetStringAsync($"/account/invitation?user={second.UserId}&token={token}");
        var garbage = await client.Http.GetStringAsync($"/account/invitation?user={second.UserId}&token=abc");

        Assert.Contains("This link has expired or was already used.", SignedInClient.Text(swapped));
        Assert.Contains("This link has expired or was already used.", SignedInClient.Text(garbage));
    }

    [Fact]
    public async Task ANewLinkKillsTheEarlierOne()
    {
        var sent = await InviteAsync(Unique("ria"));
        var admin = await CallerAsync("admin@helpdesk.test");

        var resent = await Invitations.ResendAsync(admin, sent.UserId);

        Assert.True(resent.Succeeded);
        using var client = SignedInClient.Anonymous(app);
        Assert.Contains("This link has expired or was already used.", SignedInClient.Text(await client.Http.GetStringAsync(PathOf(sent.Link))));
        Assert.Contains("Repeat the password", SignedInClient.Text(await client.Http.GetStringAsync(PathOf(resent.Value!.Link))));
    }

    [Fact]
    public async Task TheTokenExpiresAfterItsLifespan()
    {
        var clock = new FakeClock();
        var provider = new InvitationTokenProvider(app.Services.GetRequiredService<IDataProtectionProvider>(), clock,
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Accounts:InvitationDays"] = "7" }).Build());
        var sent = await InviteAsync(Unique("sol"));
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByIdAsync(sent.UserId.ToString()))!;
        var token = await provider.GenerateAsync(UserManager<User>.ResetPasswordTokenPurpose, users, user);

        clock.Advance(TimeSpan.FromDays(6.9));
        Assert.True(await provider.ValidateAsync(UserManager<User>.ResetPasswordTokenPurpose, token, users, user));
        Assert.False(await provider.ValidateAsync("EmailConfirmation", token, users, user));
        clock.Advance(TimeSpan.FromDays(0.2));
        Assert.False(await provider.ValidateAsync(UserManager<User>.ResetPasswordTokenPurpose, token, users, user));
    }

    [Theory]
    [InlineData("dana@helpdesk.test")]
    [InlineData("lead@helpdesk.test")]
    [InlineData("alice@example.test")]
    public async Task OnlyAdminsInvite(string email)
    {
        var caller = await CallerAsync(email);
        var invitee = Unique("mallory");

        var result = await Invitations.InviteAsync(caller, new InvitationInput("Mallory", invitee, Roles.Admin, Tier.L3, []));

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Invitations.ResendAsync(caller, caller.UserId)).Error!.Kind);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(invitee));
    }

    [Fact]
    public async Task EveryInvitationProblemIsReportedAtOnce()
    {
        var admin = await CallerAsync("admin@helpdesk.test");

        var result = await Invitations.InviteAsync(admin, new InvitationInput("", "dana@helpdesk.test", "Requester", (Tier)9, [123456]));

        Assert.Equal(["DisplayName", "Email", "Role", "TeamIds", "Tier"], result.Error!.Fields.Keys.Order());
        Assert.Equal(["An account with this e-mail already exists."], result.Error.Fields["Email"]);
    }
}
