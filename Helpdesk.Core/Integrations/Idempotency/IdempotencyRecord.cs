namespace Helpdesk.Core.Integrations.Idempotency;

/// <summary>
/// One Idempotency-Key a user sent with a create request, and the answer it got. Claimed before
/// the work runs (so a concurrent or later retry never runs it twice), completed after.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMax = 255;

    public long Id { get; private set; }
    public int UserId { get; private set; }
    public string Key { get; private set; } = "";
    /// <summary>What the request was (SHA-256 of its canonical JSON): the same key with another request is refused.</summary>
    public string RequestHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public string? ResponseBody { get; private set; }
    /// <summary>Where the created resource lives (the Location header), when there is one.</summary>
    public string? Location { get; private set; }

    private IdempotencyRecord() { }

    internal IdempotencyRecord(int userId, string key, string requestHash, DateTime now)
    {
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = now;
    }

    internal void Complete(int statusCode, string body, string? location, DateTime now)
    {
        StatusCode = statusCode;
        ResponseBody = body;
        Location = location;
        CompletedAt = now;
    }
}
