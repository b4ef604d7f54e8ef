using System.Runtime.CompilerServices;
using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Support.Builders;

/// <summary>
/// Files a ticket through <see cref="CreateTicket"/> and walks it to the wanted status through the
/// real commands, so its audit trail and events are the product's own. Await it for the row.
/// </summary>
public sealed class ATicket(Desk desk)
{
    private Caller _requester = desk.Alice;
    private int _category = desk.General;
    private string _subject = "Printer on the 3rd floor jams";
    private string _description = "Every second page jams in tray 2.";
    private Impact _impact = Impact.Individual;
    private Urgency _urgency = Urgency.Soon;
    private TicketStatus _status = TicketStatus.New;
    private Caller? _assignee;

    public ATicket RequestedBy(Caller requester) { _requester = requester; return this; }
    public ATicket InCategory(int categoryId) { _category = categoryId; return this; }
    public ATicket About(string subject, string? description = null) { _subject = subject; _description = description ?? _description; return this; }
    public ATicket WithPriority(Impact impact, Urgency urgency) { _impact = impact; _urgency = urgency; return this; }
    public ATicket InStatus(TicketStatus status) { _status = status; return this; }
    public ATicket AssignedTo(Caller agent) { _assignee = agent; return this; }

    public TaskAwaiter<TicketRow> GetAwaiter() => CreateAsync().GetAwaiter();

    public async Task<TicketRow> CreateAsync()
    {
        var data = new NewTicketData
        {
            RequesterId = _requester.UserId, CategoryId = _category, Subject = _subject, Description = _description,
            Impact = _impact, Urgency = _urgency,
            System = _category == desk.Laptop ? new SystemDetails { AssetTag = "PC-1234", OperatingSystem = "Windows 11" } : null,
        };
        var row = Expect(await desk.HandleAsync(_requester, new CreateTicket(data)), "create");
        if (_assignee is { } agent)
            Expect(await desk.HandleAsync(desk.Admin, new AssignTicket(row.Number, agent.UserId)), "assign");
        foreach (var step in PathTo(_status))
            Expect(await desk.HandleAsync(desk.Admin, new ChangeStatus(row.Number, step, Resolution: "Replaced the fuser unit.", Reason: "Not an IT matter.")), $"move to {step}");
        return await desk.RowAsync(row.Number);
    }

    /// <summary>The shortest walk from New through <see cref="TicketTransitions"/>.</summary>
    public static IReadOnlyList<TicketStatus> PathTo(TicketStatus target) => target switch
    {
        TicketStatus.New => [],
        TicketStatus.Open => [TicketStatus.Open],
        TicketStatus.InProgress => [TicketStatus.InProgress],
        TicketStatus.Pending => [TicketStatus.Open, TicketStatus.Pending],
        TicketStatus.Resolved => [TicketStatus.Open, TicketStatus.Resolved],
        TicketStatus.Closed => [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        TicketStatus.Rejected => [TicketStatus.Rejected],
        TicketStatus.Reopened => [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Reopened],
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private static TicketRow Expect(Result<TicketRow> result, string step) =>
        result.Value ?? throw new InvalidOperationException($"Arranging a ticket failed to {step}: {result.Error}");
}
