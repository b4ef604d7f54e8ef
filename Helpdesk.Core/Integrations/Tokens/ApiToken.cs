namespace Helpdesk.Core.Integrations.Tokens;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored: the token itself is shown once, at
/// creation. <see cref="Prefix"/> (the first characters) lets its owner tell tokens apart.
/// </summary>
public sealed class ApiToken
{
    public const int NameMax = 100;

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? LastUsedAt { get; internal set; }
    public DateTime? RevokedAt { get; private set; }

    private ApiToken() { }

    internal ApiToken(int userId, string name, string prefix, string hash, DateTime createdAt, DateTime? expiresAt)
    {
        UserId = userId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is not { } end || end > now);

    internal void Revoke(DateTime now) => RevokedAt ??= now;
}
