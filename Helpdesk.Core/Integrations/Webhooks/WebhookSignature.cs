using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>The X-Helpdesk-Signature header: <c>sha256=</c> and the hex HMAC-SHA256 of the exact body bytes with the secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Helpdesk-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));

    /// <summary>A random secret for the admin page's "Generate" button.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
