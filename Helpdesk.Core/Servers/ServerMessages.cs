using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Helpdesk.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Helpdesk.Core.Servers;

/// <summary>One message from another server: what it is about, who sent it, and its body.</summary>
public sealed record ServerMessage(string Topic, string Sender, string Body)
{
    /// <summary>The body as JSON of <typeparamref name="T"/>; null when it is not (a broken or newer sender).</summary>
    public T? Read<T>() where T : class
    {
        try { return JsonSerializer.Deserialize<T>(Body); }
        catch (JsonException) { return null; }
    }
}

/// <summary>
/// Short-lived messages between the app servers sharing a PostgreSQL database, as NOTIFY on
/// <see cref="Channel"/>: presence, wake-ups of workers running on another server, mailbox status,
/// "new notifications". Nothing here is stored, so only what has another way to be repaired
/// belongs here (a heartbeat, a poll, a log read again); events and access changes have their own
/// durable paths. Messages are sent in the order they were published, by one loop, tagged with
/// this <see cref="ServerInstance"/>. <see cref="Events.EventRelay"/>'s LISTEN connection receives
/// them; <see cref="Received"/> hears only the other servers' ones. On SQLite (one server)
/// publishing does nothing.
/// </summary>
public sealed class ServerMessages(IOptions<DatabaseOptions> database, ServerInstance server, ILogger<ServerMessages> log) : BackgroundService
{
    public const string Channel = "helpdesk_servers";
    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7800;
    private const int Batch = 20;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<string> _outbox = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    public bool Enabled => database.Value.IsPostgres;

    /// <summary>A message from another server. Called on the listener's thread: keep it short.</summary>
    public event Action<ServerMessage>? Received;

    /// <summary>The LISTEN connection was (re)established: messages may have been missed meanwhile.</summary>
    public event Action? Listening;

    /// <summary>Queues a message for every other server, <paramref name="topic"/> telling its receivers apart. Throws when it is too long for NOTIFY.</summary>
    public void Publish(string topic, string body = "")
    {
        if (!Enabled) return;
        if (topic.Contains('|')) throw new ArgumentException("A topic has no '|'.", nameof(topic));
        var payload = $"{topic}|{server.Id}|{body}";
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
            throw new ArgumentException($"A server message must stay under {MaxPayloadBytes} bytes.", nameof(body));
        _outbox.Writer.TryWrite(payload);
    }

    /// <summary>Queues <paramref name="value"/> as JSON (read back with <see cref="ServerMessage.Read{T}"/>).</summary>
    public void Publish<T>(string topic, T value) => Publish(topic, JsonSerializer.Serialize(value));

    internal void Raise(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length < 3 || parts[1] == server.Id) return;
        var message = new ServerMessage(parts[0], parts[1], parts[2]);
        foreach (var handler in Received?.GetInvocationList() ?? [])
        {
            try { ((Action<ServerMessage>)handler)(message); }
            catch (Exception ex) { log.LogWarning(ex, "A handler of server messages failed"); }
        }
    }

    internal void RaiseListening()
    {
        try { Listening?.Invoke(); }
        catch (Exception ex) { log.LogWarning(ex, "A handler of the server messages' connection failed"); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        var batch = new List<string>(Batch);
        while (true)
        {
            try
            {
                if (!await _outbox.Reader.WaitToReadAsync(stoppingToken)) return;
            }
            catch (OperationCanceledException) { return; }
            batch.Clear();
            while (batch.Count < Batch && _outbox.Reader.TryRead(out var payload)) batch.Add(payload);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // Not cancelled by the stop: a message being sent (a goodbye) still goes.
                    using var timeout = new CancellationTokenSource(SendTimeout);
                    await SendAsync(batch, timeout.Token);
                    break;
                }
                catch (Exception ex) when (attempt < 3 && !stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(ex, "Sending {Count} message(s) to the other servers failed; retrying", batch.Count);
                    try { await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken); } catch (OperationCanceledException) { return; }
                }
                catch (Exception ex)
                {
                    log.LogWarning(ex, "Dropped {Count} message(s) to the other servers; their receivers repair it (heartbeat, poll, log)", batch.Count);
                    break;
                }
            }
        }
    }

    /// <summary>Sends what is still queued (a goodbye, say) before the server goes.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!Enabled) return;
        List<string> rest = [];
        while (_outbox.Reader.TryRead(out var payload)) rest.Add(payload);
        if (rest.Count == 0) return;
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            foreach (var chunk in rest.Chunk(Batch)) await SendAsync(chunk, timeout.Token);
        }
        catch (Exception ex) { log.LogWarning(ex, "Could not tell the other servers {Count} last message(s); they expire what this server said", rest.Count); }
    }

    private async Task SendAsync(IReadOnlyList<string> payloads, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", payloads.Select((_, i) => $"pg_notify('{Channel}', @p{i})"));
        for (var i = 0; i < payloads.Count; i++) command.Parameters.AddWithValue($"p{i}", payloads[i]);
        await command.ExecuteNonQueryAsync(ct);
    }
}
