using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Core.Integrations.Tokens;

/// <summary>Makes tokens (<c>hd_</c> + 256 random bits, URL-safe) and the SHA-256 hashes that are all the database keeps.</summary>
public static class TokenHasher
{
    public const string Scheme = "hd_";
    /// <summary>"hd_" and the first 8 random characters: enough to recognise a token in a list, useless to guess it.</summary>
    public const int PrefixLength = 11;

    public static string NewToken() => Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token.Length <= PrefixLength ? token : token[..PrefixLength];

    /// <summary>Cheap shape check before touching the database.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: > PrefixLength and < 200 } && text.StartsWith(Scheme, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
