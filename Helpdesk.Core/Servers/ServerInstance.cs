namespace Helpdesk.Core.Servers;

/// <summary>
/// This app server among the several that may share one database: a name unique per process
/// start (machine, process id and a random part), so two hosts in one test process, or a server
/// restarted under the same process id, never pass for each other. Job leases name their holder
/// with it; presence tags what this server contributes with it.
/// </summary>
public sealed class ServerInstance
{
    public string Id { get; } = $"{Environment.MachineName.Replace('|', '_')}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Id;
}
