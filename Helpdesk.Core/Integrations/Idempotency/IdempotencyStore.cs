using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Integrations.Idempotency;

/// <summary>A response worth replaying: what the first request with a key got.</summary>
public sealed record StoredResponse(int StatusCode, string Body, string? Location);

public enum IdempotencyOutcome
{
    /// <summary>First time with this key: the work ran.</summary>
    Executed,
    /// <summary>The key was seen with the same request: the stored response, the work did not run again.</summary>
    Replayed,
    /// <summary>The key was used for a different request: refused.</summary>
    KeyReused,
    /// <summary>An earlier request with this key started and never finished (the server stopped mid-way).</summary>
    Unfinished,
}

public sealed record IdempotencyResult(IdempotencyOutcome Outcome, StoredResponse? Response);

/// <summary>
/// Idempotency-Key for creates: a retried request (a timeout, a monitoring tool that tries again at
/// 3 a.m.) never makes a second ticket. The key is claimed in the database before the work runs and
/// completed with the response after; requests with the same key wait for each other in this
/// process. Only successful responses are kept (a refused request may be corrected and sent again
/// with the same key). Keys are kept <c>Api:IdempotencyHours</c> (24).
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    private readonly KeyedLock<(int, string)> _running = new();

    public TimeSpan Retention => TimeSpan.FromHours(Math.Max(1, options.Value.IdempotencyHours));

    /// <param name="work">Runs once per key; returns the response to keep, or null when it failed (then nothing is kept).</param>
    public async Task<IdempotencyResult> RunAsync(int userId, string key, string requestHash,
        Func<CancellationToken, Task<StoredResponse?>> work, CancellationToken ct = default)
    {
        using var _ = await _running.EnterAsync((userId, key), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - Retention;
        long claimId;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
            if (existing is not null)
            {
                if (existing.RequestHash != requestHash) return new(IdempotencyOutcome.KeyReused, null);
                return existing.StatusCode is { } status
                    ? new(IdempotencyOutcome.Replayed, new StoredResponse(status, existing.ResponseBody ?? "", existing.Location))
                    : new(IdempotencyOutcome.Unfinished, null);
            }
            var claim = new IdempotencyRecord(userId, key, requestHash, now);
            db.IdempotencyRecords.Add(claim);
            await db.SaveChangesAsync(ct);
            claimId = claim.Id;
        }

        StoredResponse? response = null;
        try
        {
            response = await work(ct);
        }
        finally
        {
            // Runs even when the work threw or the request was cancelled: never leave a claim that blocks the key.
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
                var claim = await db.IdempotencyRecords.SingleAsync(r => r.Id == claimId, CancellationToken.None);
                if (response is null) db.IdempotencyRecords.Remove(claim);
                else claim.Complete(response.StatusCode, response.Body, response.Location, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        return new(IdempotencyOutcome.Executed, response);
    }
}

/// <summary>appsettings.json "Api": how long Idempotency-Key answers are kept.</summary>
public sealed class IdempotencyOptions
{
    public int IdempotencyHours { get; set; } = 24;
}
