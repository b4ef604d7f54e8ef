namespace Helpdesk.Core.Routing;

/// <summary>appsettings.json "Escalation".</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>How often the escalation service looks for rules that fell due.</summary>
    public int PollSeconds { get; set; } = 5;
}
