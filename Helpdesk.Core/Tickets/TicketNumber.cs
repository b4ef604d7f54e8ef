using System.Globalization;

namespace Helpdesk.Core.Tickets;

/// <summary>The human-readable ticket number: <c>HD-1042</c>. The prefix is a setting admins change in the app.</summary>
public static class TicketNumber
{
    public const string DefaultPrefix = "HD-";

    /// <summary>For the whole process: numbers are formatted at render time, so a changed prefix shows on every screen's next render.</summary>
    public static string Prefix { get; private set; } = DefaultPrefix;

    internal static void UsePrefix(string prefix) => Prefix = prefix;

    public const int First = 1001;

    public static string Format(int number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts "HD-1042", "hd-1042" (the current prefix, or the default one), "#1042" or "1042".</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var prefix = Prefix;
        if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..];
        else if (s.StartsWith(DefaultPrefix, StringComparison.OrdinalIgnoreCase)) s = s[DefaultPrefix.Length..];
        else if (s.StartsWith('#')) s = s[1..];
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
