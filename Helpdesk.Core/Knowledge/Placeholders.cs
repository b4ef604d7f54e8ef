using System.Text.RegularExpressions;

namespace Helpdesk.Core.Knowledge;

/// <summary>The ticket a canned reply is being sent on, as its placeholders read it.</summary>
public sealed record PlaceholderValues(string RequesterName, string RequesterEmail, string TicketNumber, string TicketSubject,
    string AgentName, string TeamName, string CategoryName);

/// <summary>
/// Fills "{requester.name}" and friends in a canned reply. Names are case-insensitive; a placeholder
/// the desk does not know stays as typed, so a typo shows instead of silently vanishing.
/// </summary>
public static partial class Placeholders
{
    /// <summary>Every placeholder, for the editor's help text.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "{requester.name}", "{requester.first_name}", "{requester.email}", "{ticket.number}", "{ticket.subject}",
        "{agent.name}", "{agent.first_name}", "{team.name}", "{category}",
    ];

    public static string Fill(string template, PlaceholderValues values) => Placeholder().Replace(template, m => m.Groups[1].Value.ToLowerInvariant() switch
    {
        "requester.name" => values.RequesterName,
        "requester.first_name" => FirstName(values.RequesterName),
        "requester.email" => values.RequesterEmail,
        "ticket.number" => values.TicketNumber,
        "ticket.subject" => values.TicketSubject,
        "agent.name" => values.AgentName,
        "agent.first_name" => FirstName(values.AgentName),
        "team.name" => values.TeamName,
        "category" => values.CategoryName,
        _ => m.Value,
    });

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    [GeneratedRegex(@"\{\s*([A-Za-z_.]+)\s*\}")]
    private static partial Regex Placeholder();
}
