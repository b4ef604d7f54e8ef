using System.Net;
using Helpdesk.Core.Data;
using Helpdesk.Core.Integrations.Tokens;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Api;

/// <summary>Personal tokens at the door of /api/v1: only a live token of an active person gets in, and says who it is.</summary>
public sealed class ApiAuthenticationTests(AppHost app) : IClassFixture<AppHost>
{
    [Fact]
    public async Task NoTokenIsA401ProblemThatSaysHowToAuthenticate()
    {
        using var anonymous = app.ApiWithToken(null);

        var response = await anonymous.GetAsync("api/v1/tickets");

        var problem = await response.ProblemAsync(401);
        Assert.Contains("/account/tokens", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("hd_thisTokenWasNeverIssuedByThisHelpdesk0000000", "not valid")]
    [InlineData("not-even-a-token", "not valid")]
    public async Task AnUnknownTokenIsRefused(string token, string reason)
    {
        using var api = app.ApiWithToken(token);

        var problem = await (await api.GetAsync("api/v1/me")).ProblemAsync(401);

        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARevokedTokenStopsWorkingAtOnce()
    {
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var token = await app.TokenForAsync("dana@helpdesk.test", "to revoke");
        using var api = app.ApiWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/v1/me")).StatusCode);
        var tokens = app.Services.GetRequiredService<ApiTokens>();
        var id = (await tokens.ListAsync(dana)).Single(t => t.Name == "to revoke").Id;

        Assert.True(await tokens.RevokeAsync(dana, id));

        var problem = await (await api.GetAsync("api/v1/me")).ProblemAsync(401);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var dana = await app.CallerAsync("dana@helpdesk.test");
        const string token = "hd_expiredTokenForTheApiAuthenticationTests000";
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
        {
            db.ApiTokens.Add(new ApiToken(dana.UserId, "expired", TokenHasher.PrefixOf(token), TokenHasher.Hash(token),
                DateTime.UtcNow.AddDays(-31), expiresAt: DateTime.UtcNow.AddDays(-1)));
            await db.SaveChangesAsync();
        }
        using var api = app.ApiWithToken(token);

        var problem = await (await api.GetAsync("api/v1/tickets")).ProblemAsync(401);

        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ADeactivatedPersonsTokensStopWorking()
    {
        var caller = await app.ARequesterAsync("leaver@example.test", "Lee Leaver");
        using var api = await app.ApiAsAsync("leaver@example.test");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/v1/me")).StatusCode);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
            await db.Users.Where(u => u.Id == caller.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

        var problem = await (await api.GetAsync("api/v1/me")).ProblemAsync(401);

        Assert.Contains("deactivated", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheSignInCookieDoesNotOpenTheApi()
    {
        using var browser = await SignedInClient.SignInAsync(app, "dana@helpdesk.test");

        var response = await browser.Http.GetAsync("api/v1/me");

        await response.ProblemAsync(401);
    }

    [Fact]
    public async Task AUsedTokenShowsWhenItWasLastUsed()
    {
        var dana = await app.CallerAsync("dana@helpdesk.test");
        using var api = app.ApiWithToken(await app.TokenForAsync("dana@helpdesk.test", "last used"));

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/v1/categories")).StatusCode);

        var listed = (await app.Services.GetRequiredService<ApiTokens>().ListAsync(dana)).Single(t => t.Name == "last used");
        Assert.NotNull(listed.LastUsedAt);
        Assert.True(listed.LastUsedAt >= listed.CreatedAt);
    }
}
