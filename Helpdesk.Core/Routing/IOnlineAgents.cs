namespace Helpdesk.Core.Routing;

/// <summary>
/// Who has the desk open right now. The web app answers from its open circuits; a process without
/// screens (tests, benchmarks, tools) has nobody online, so nothing is assigned automatically there.
/// </summary>
public interface IOnlineAgents
{
    bool IsOnline(int userId);
}

internal sealed class NobodyOnline : IOnlineAgents
{
    public bool IsOnline(int userId) => false;
}
