using System.Globalization;

namespace Helpdesk.Web.Api;

/// <summary>A ticket's ETag is its version: <c>"v7"</c>. Updates send it back as If-Match.</summary>
public static class ETags
{
    public static string For(int version) => $"\"v{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Reads If-Match. No header (or <c>*</c>): <paramref name="version"/> is null, no check. A strong
    /// ETag this API sent: its version. Anything else returns false: it can match no version (412).
    /// </summary>
    public static bool TryParseIfMatch(string? header, out int? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        var h = header.Trim();
        if (h.Length < 4 || !h.StartsWith("\"v", StringComparison.Ordinal) || !h.EndsWith('"')) return false;
        if (!int.TryParse(h.AsSpan(2, h.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
        version = v;
        return true;
    }

    /// <summary>Does If-None-Match name this version (or <c>*</c>)? Weak comparison, as GET allows.</summary>
    public static bool NoneMatch(string? header, int version)
    {
        if (string.IsNullOrWhiteSpace(header)) return false;
        var current = For(version);
        return header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current || tag == "W/" + current);
    }
}
