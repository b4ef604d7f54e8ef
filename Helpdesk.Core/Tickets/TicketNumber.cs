using System.Globalization;

namespace Helpdesk.Core.Tickets;

/// <summary>The human-readable ticket number: <c>HD-1042</c>.</summary>
public static class TicketNumber
{
    public const string Prefix = "HD-";
    public const int First = 1001;

    public static string Format(int number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts "HD-1042", "hd-1042", "#1042" or "1042".</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) s = s[Prefix.Length..];
        else if (s.StartsWith('#')) s = s[1..];
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
