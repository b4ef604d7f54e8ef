namespace Helpdesk.Core.Tickets;

/// <summary>
/// A rule of the domain was broken. <see cref="Message"/> is an English resource key with
/// <see cref="Arguments"/> for its placeholders, localized where it reaches a person.
/// </summary>
public sealed class DomainException(string field, string message, params object[] arguments) : Exception(message)
{
    public string Field { get; } = field;
    public object[] Arguments { get; } = arguments;
}
