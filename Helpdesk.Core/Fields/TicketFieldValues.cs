using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Fields;

/// <summary>A ticket's stored custom values grouped by field key (a multiple choice has one row per option).</summary>
public static class TicketFieldValues
{
    public static Dictionary<string, IReadOnlyList<string>> Of(Ticket ticket) => Group(ticket.CustomFields);

    public static Dictionary<string, IReadOnlyList<string>> Group(IEnumerable<TicketFieldValue> rows) =>
        rows.GroupBy(v => v.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(v => v.Value).Order(StringComparer.Ordinal)], StringComparer.Ordinal);

    /// <summary>The text form (several choices comma-separated) that forms and the API read and write.</summary>
    public static Dictionary<string, string> AsText(IEnumerable<TicketFieldValue> rows) =>
        Group(rows).ToDictionary(g => g.Key, g => FieldValues.Join(g.Value), StringComparer.Ordinal);
}
