using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Helpdesk.Core.Events;

/// <summary>
/// With PostgreSQL, several app servers may commit events: this brings every committed event to
/// this server's <see cref="EventStream"/>, in sequence order, whichever server committed it. The
/// event log is the source of truth; LISTEN/NOTIFY (sent by <see cref="Application.TicketWriter"/> in
/// the committing transaction) only wakes the relay up, and it also reads the log every
/// <see cref="SafetyNet"/> and after reconnecting, so a missed notification delays but never loses.
/// Does nothing on SQLite (one server).
/// </summary>
public sealed class EventRelay : BackgroundService
{
    public const string Channel = "helpdesk_events";
    internal const string NotifySql = "SELECT pg_notify('" + Channel + "', '')";
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    private readonly Application.Wakeup _wake = new();
    private readonly EventStream _stream;
    private readonly EventLog _log;
    private readonly IOptions<DatabaseOptions> _database;
    private readonly ILogger<EventRelay> _logger;
    private readonly AccessSignal _access;
    private readonly Servers.ServerMessages _messages;
    private readonly bool _attached;

    public EventRelay(EventStream stream, EventLog log, IOptions<DatabaseOptions> database, ILogger<EventRelay> logger, AccessSignal access, Servers.ServerMessages messages)
    {
        _stream = stream;
        _messages = messages;
        _access = access;
        _log = log;
        _database = database;
        _logger = logger;
        // Hooked when the host builds its services, before any of them starts (the web server
        // included), so no local event is handed out unordered while the relay starts.
        _attached = database.Value.IsPostgres;
        if (_attached) stream.Behind += Wake;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _database.Value.IsPostgres ? Task.WhenAll(ListenAsync(stoppingToken), CatchUpLoopAsync(stoppingToken)) : Task.CompletedTask;

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        if (_attached) _stream.Behind -= Wake;
        return base.StopAsync(cancellationToken);
    }

    private void Wake() => _wake.Set();

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_database.Value.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == AccessSignal.Channel && int.TryParse(e.Payload, out var userId)) _access.Raise(userId);
                    else if (e.Channel == Servers.ServerMessages.Channel) _messages.Raise(e.Payload);
                    else Wake();
                };
                // Also people whose access ended on any server (they are re-read, never trusted from the
                // payload), and the servers' short-lived messages (ServerMessages).
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {AccessSignal.Channel}; LISTEN {Servers.ServerMessages.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                Wake(); // whatever was committed while not listening
                _messages.RaiseListening();
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                _logger.LogWarning(ex, "Listening for events of other servers failed; the event log is still read every {Seconds} s", SafetyNet.TotalSeconds);
                try { await Task.Delay(Reconnect, ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task CatchUpLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(SafetyNet, ct); // woken, or the safety net
                await CatchUpAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                _logger.LogWarning(ex, "Reading the event log for other servers' events failed; retrying");
            }
        }
    }

    /// <summary>Publishes every logged event this server has not published yet, in pages.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        const int Page = 500;
        while (true)
        {
            var events = await _log.ReadForRelayAsync(_stream.LastSequence, Page, ct);
            _stream.PublishFromLog(events);
            if (events.Count < Page) return;
        }
    }
}
