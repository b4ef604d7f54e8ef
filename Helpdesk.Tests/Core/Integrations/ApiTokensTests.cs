using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Application;
using Helpdesk.Core.Integrations.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>Personal API tokens: what is stored, when they stop working, who may revoke them.</summary>
public sealed class ApiTokensTests : IAsyncLifetime
{
    private IntegrationDesk _desk = null!;
    private ApiTokens Tokens => _desk.Db.Get<ApiTokens>();
    private Caller Dana => _desk.Desk.Dana;

    public async Task InitializeAsync() => _desk = await IntegrationDesk.CreateAsync();
    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task OnlyTheSha256HashAndAShortPrefixAreStored()
    {
        var created = (await Tokens.CreateAsync(Dana, "Monitoring", null)).Value!;

        Assert.Matches("^hd_[A-Za-z0-9_-]{43}$", created.Token);
        await using var db = _desk.Db.CreateDbContext();
        var row = await db.ApiTokens.SingleAsync(t => t.Id == created.Info.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))), row.Hash);
        Assert.Equal(created.Token[..11], row.Prefix);
        Assert.DoesNotContain(created.Token, $"{row.Name} {row.Hash} {row.Prefix}");
        Assert.NotEqual(created.Token, (await Tokens.CreateAsync(Dana, "Monitoring", null)).Value!.Token);
    }

    [Fact]
    public async Task ATokenAuthenticatesItsOwnerUntilItExpires()
    {
        var created = (await Tokens.CreateAsync(Dana, "Nightly script", _desk.Clock.GetUtcNow().UtcDateTime.AddDays(7))).Value!;

        var fresh = await Tokens.AuthenticateAsync(created.Token);
        _desk.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var lastSecond = await Tokens.AuthenticateAsync(created.Token);
        _desk.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await Tokens.AuthenticateAsync(created.Token);

        Assert.Equal((true, Dana.UserId, created.Info.Id), (fresh.Succeeded, fresh.UserId, fresh.TokenId));
        Assert.True(lastSecond.Succeeded);
        Assert.Equal(TokenFailure.Expired, expired.Failure);
        Assert.False((await Tokens.ListAsync(Dana)).Single(t => t.Id == created.Info.Id).IsActiveAt(_desk.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedAndOnlyItsOwnerMayRevokeIt()
    {
        var created = (await Tokens.CreateAsync(Dana, "Old laptop", null)).Value!;

        Assert.False(await Tokens.RevokeAsync(_desk.Desk.Sam, created.Info.Id));
        Assert.True((await Tokens.AuthenticateAsync(created.Token)).Succeeded);
        Assert.True(await Tokens.RevokeAsync(Dana, created.Info.Id));

        Assert.Equal(TokenFailure.Revoked, (await Tokens.AuthenticateAsync(created.Token)).Failure);
        Assert.NotNull((await Tokens.ListAsync(Dana)).Single(t => t.Id == created.Info.Id).RevokedAt);
        Assert.DoesNotContain(await Tokens.ListAsync(_desk.Desk.Sam), t => t.Id == created.Info.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hd_")]
    [InlineData("hd_unknown000000000000000000000000000000000000")]
    [InlineData("Bearer hd_x")]
    public async Task AnythingElseIsUnknown(string presented) =>
        Assert.Equal(TokenFailure.Unknown, (await Tokens.AuthenticateAsync(presented)).Failure);

    [Fact]
    public async Task LastUsedIsWrittenAtMostOnceAMinute()
    {
        var created = (await Tokens.CreateAsync(Dana, "Busy integration", null)).Value!;
        async Task<DateTime?> LastUsedAsync() => (await Tokens.ListAsync(Dana)).Single(t => t.Id == created.Info.Id).LastUsedAt;
        var start = _desk.Clock.GetUtcNow().UtcDateTime;

        await Tokens.AuthenticateAsync(created.Token);
        _desk.Clock.Advance(TimeSpan.FromSeconds(30));
        await Tokens.AuthenticateAsync(created.Token);
        var afterHalfAMinute = await LastUsedAsync();
        _desk.Clock.Advance(TimeSpan.FromSeconds(31));
        await Tokens.AuthenticateAsync(created.Token);

        Assert.Equal(start, afterHalfAMinute);
        Assert.Equal(start.AddSeconds(61), await LastUsedAsync());
    }

    [Fact]
    public async Task ANameIsRequiredAndAnExpiryMustBeInTheFuture()
    {
        var result = await Tokens.CreateAsync(Dana, " ", _desk.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["ExpiresAt", "Name"], result.Error!.Fields.Keys.Order());
    }
}
