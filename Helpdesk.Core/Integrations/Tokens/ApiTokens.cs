using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Core.Integrations.Tokens;

/// <summary>A token as its owner's list shows it (never the token itself).</summary>
public sealed record ApiTokenInfo(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is not { } end || end > now);
}

/// <summary>A new token: <see cref="Token"/> is shown to its owner once and never stored.</summary>
public sealed record NewApiToken(ApiTokenInfo Info, string Token);

public enum TokenFailure { Unknown, Revoked, Expired, AccountDisabled }

/// <summary>Who a presented token belongs to, or why it is refused.</summary>
public sealed record TokenCheck(int TokenId, int UserId, string Name, DateTime? ExpiresAt, TokenFailure? Failure)
{
    public bool Succeeded => Failure is null;
    internal static TokenCheck Refused(TokenFailure why) => new(0, 0, "", null, why);
}

/// <summary>
/// Personal API tokens: each person creates, lists and revokes their own. Only a SHA-256 hash is
/// stored, so a copy of the database does not hand out working tokens.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, TimeProvider clock, IStringLocalizer<Messages> localizer)
{
    /// <summary>"Last used" is written at most this often per token, so API traffic does not turn into writes.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<Result<NewApiToken>> CreateAsync(Caller caller, string? name, DateTime? expiresAt, CancellationToken ct = default)
    {
        if (caller.ActorId is not { } userId) return CommandError.Forbidden(localizer["Only a person can own an API token."]);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        errors.Required("Name", name, localizer["Name the token after what will use it."]);
        errors.MaxLength("Name", name, ApiToken.NameMax, localizer["Keep the name under {0} characters.", ApiToken.NameMax]);
        if (expiresAt is { } end && end <= now) errors.Add("ExpiresAt", localizer["Choose an expiry date in the future."]);
        if (errors.Any) return CommandError.Invalid(localizer["Please correct the highlighted fields."], errors.ToDictionary());

        var token = TokenHasher.NewToken();
        var row = new ApiToken(userId, name!.Trim(), TokenHasher.PrefixOf(token), TokenHasher.Hash(token), now, expiresAt?.ToUniversalTime());
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            db.ApiTokens.Add(row);
            await db.SaveChangesAsync(ct);
        }
        return new NewApiToken(Info(row), token);
    }

    /// <summary>The caller's own tokens, newest first, revoked ones included (so they can see what stopped working).</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == caller.UserId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
        return [.. rows.Select(Info)];
    }

    /// <summary>Revokes one of the caller's tokens at once. False when it is not theirs (or does not exist).</summary>
    public async Task<bool> RevokeAsync(Caller caller, int tokenId, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == caller.UserId, ct);
        if (token is null) return false;
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Checks a presented token (every API request) and notes when it was last used.</summary>
    public async Task<TokenCheck> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        if (!TokenHasher.LooksLikeToken(presented)) return TokenCheck.Refused(TokenFailure.Unknown);
        var hash = TokenHasher.Hash(presented!);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var token = await (from t in db.ApiTokens.AsNoTracking()
                           join u in db.Users on t.UserId equals u.Id
                           where t.Hash == hash
                           select new { Token = t, u.IsActive }).SingleOrDefaultAsync(ct);
        if (token is null) return TokenCheck.Refused(TokenFailure.Unknown);
        var t0 = token.Token;
        if (t0.RevokedAt is not null) return TokenCheck.Refused(TokenFailure.Revoked);
        if (t0.ExpiresAt is { } end && end <= now) return TokenCheck.Refused(TokenFailure.Expired);
        if (!token.IsActive) return TokenCheck.Refused(TokenFailure.AccountDisabled);
        if (t0.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            using var _ = await gate.EnterAsync(ct);
            await db.ApiTokens.Where(t => t.Id == t0.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return new TokenCheck(t0.Id, t0.UserId, t0.Name, t0.ExpiresAt, null);
    }

    private static ApiTokenInfo Info(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
