using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// SignalR's Redis lifetime manager subscribes each new connection in Redis before the hub sees it,
/// so while Redis is down a new /hubs/tickets connection completed its handshake but got no event
/// and had its calls answered by nobody until Redis came back (or the subscription timed out and
/// closed it). Helpdesk's events never go through Redis (<see cref="HubFanOut"/> writes to this
/// server's connections directly), so this waits for Redis only briefly and then lets the hub have
/// the connection; the subscription completes in the background once Redis answers. A send to
/// connections held here is written to them directly, so event fan-out never depends on Redis;
/// everything else goes to the Redis manager.
/// </summary>
public sealed class RedisJoinGuard<THub>(RedisHubLifetimeManager<THub> redis, ILogger<RedisJoinGuard<THub>> log) : HubLifetimeManager<THub>
    where THub : Hub
{
    /// <summary>How long a joining connection waits for Redis (it answers in about a millisecond when up).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(500);

    private readonly HubConnectionStore _local = new();

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _local.Add(connection);
        var joining = redis.OnConnectedAsync(connection);
        if (await Task.WhenAny(joining, Task.Delay(Patience)) == joining)
        {
            await joining;
            return;
        }
        log.LogWarning("Redis did not answer within {Milliseconds} ms; connection {Connection} is served by this server meanwhile", (int)Patience.TotalMilliseconds, connection.ConnectionId);
        _ = joining.ContinueWith(t => log.LogWarning(t.Exception, "Subscribing connection {Connection} in Redis failed; sends to it from other servers do not reach it", connection.ConnectionId),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _local.Remove(connection);
        return redis.OnDisconnectedAsync(connection);
    }
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) => redis.SendAllAsync(methodName, args, cancellationToken);
    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) => redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendConnectionsAsync([connectionId], methodName, args, cancellationToken);

    /// <summary>
    /// Connections held here get the message written directly, serialized once for all of them; only
    /// the others' go through Redis. (The Redis manager would publish a list send through Redis even
    /// for its own connections, so it would be lost while Redis is down.)
    /// </summary>
    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        var here = connectionIds.Select(id => _local[id]).OfType<HubConnectionContext>().ToList();
        var elsewhere = connectionIds.Where(id => _local[id] is null).ToList();
        var sends = new List<Task>(here.Count + 1);
        if (here.Count > 0)
        {
            var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
            sends.AddRange(here.Select(c => c.WriteAsync(message, cancellationToken).AsTask()));
        }
        if (elsewhere.Count > 0) sends.Add(redis.SendConnectionsAsync(elsewhere, methodName, args, cancellationToken));
        return Task.WhenAll(sends);
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) => redis.SendGroupAsync(groupName, methodName, args, cancellationToken);
    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) => redis.SendGroupsAsync(groupNames, methodName, args, cancellationToken);
    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) => redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) => redis.SendUserAsync(userId, methodName, args, cancellationToken);
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) => redis.SendUsersAsync(userIds, methodName, args, cancellationToken);
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => redis.AddToGroupAsync(connectionId, groupName, cancellationToken);
    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) => redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);
    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => redis.SetConnectionResultAsync(connectionId, result);
    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) => redis.TryGetReturnType(invocationId, out type);
}
