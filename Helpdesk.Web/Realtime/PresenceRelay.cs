using System.Diagnostics;
using System.Text.Json;
using Helpdesk.Core.Servers;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Realtime;

/// <summary>appsettings.json "Presence".</summary>
public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>With several servers: how often each repeats who is on it; what a server has not repeated for 3.5 heartbeats is dropped.</summary>
    public double HeartbeatSeconds { get; set; } = 10;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Math.Max(0.2, HeartbeatSeconds));
    public TimeSpan Expiry => Heartbeat * 3.5;
}

/// <summary>
/// Presence across app servers (PostgreSQL only; nothing to do on one server). Each server reports
/// its own viewers and online people as they change, as <see cref="ServerMessages"/> (NOTIFY), and
/// keeps what the others report in <see cref="PresenceTracker"/> and <see cref="AgentPresence"/>,
/// whose watchers (ticket pages, dashboards, boards, walls, hub clients, routing) then see everyone.
/// Messages are state, not deltas: "on ticket 1042, from this server: Dana, typing". Every
/// heartbeat a server repeats all of it, so a lost message is repaired within one heartbeat, and a
/// server that died stops repeating and its people expire. A server that starts, or whose LISTEN
/// connection comes back, says hello and the others repeat at once; one that stops says goodbye.
/// </summary>
public sealed class PresenceRelay(
    ServerMessages messages,
    PresenceTracker tickets,
    AgentPresence agents,
    IOptions<PresenceOptions> options,
    ILogger<PresenceRelay> log) : BackgroundService
{
    private const int MaxPerTicket = 30;
    private const int MaxNameLength = 80;
    private const int OnlinePerMessage = 800;
    public const string Topic = "presence";

    private readonly Lock _sending = new();
    private readonly Helpdesk.Core.Application.Wakeup _repeatSoon = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (messages.Enabled)
        {
            messages.Received += OnMessage;
            messages.Listening += OnListening;
            tickets.LocalChanged += OnLocalTicket;
            agents.LocalChanged += OnLocalOnline;
            agents.LocalAvailabilityChanged += OnLocalAway;
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!messages.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await _repeatSoon.WaitAsync(options.Value.Heartbeat, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                PublishEverything();
                var cutoff = Stopwatch.GetTimestamp() - (long)(options.Value.Expiry.TotalSeconds * Stopwatch.Frequency);
                tickets.ForgetRemote(null, cutoff);
                agents.ForgetRemote(null, cutoff);
            }
            catch (Exception ex) { log.LogWarning(ex, "Repeating presence to the other servers failed"); }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (messages.Enabled)
        {
            tickets.LocalChanged -= OnLocalTicket;
            agents.LocalChanged -= OnLocalOnline;
            agents.LocalAvailabilityChanged -= OnLocalAway;
            messages.Received -= OnMessage;
            messages.Listening -= OnListening;
            // Queued after everything this server said, so nothing it said arrives after it (ServerMessages flushes on stop).
            Publish(new PresenceMessage(PresenceKind.Gone));
        }
        await base.StopAsync(cancellationToken);
    }

    private void OnListening()
    {
        Publish(new PresenceMessage(PresenceKind.Hello));
        RepeatSoon();
    }

    private void OnLocalTicket(int number)
    {
        // Read and queue under one lock: messages then leave in the order of the states they carry.
        lock (_sending) Publish(new PresenceMessage(PresenceKind.Ticket) { Number = number, Present = Capped(tickets.Local(number)) });
    }

    private void OnLocalOnline(int userId, bool _)
    {
        lock (_sending) Publish(new PresenceMessage(PresenceKind.Online) { UserId = userId, Value = agents.IsOnlineHere(userId) });
    }

    private void OnLocalAway(int userId, bool away) =>
        Publish(new PresenceMessage(PresenceKind.Away) { UserId = userId, Value = away });

    private void RepeatSoon() => _repeatSoon.Set();

    /// <summary>Everything this server has to say, in as few messages as fit.</summary>
    private void PublishEverything()
    {
        lock (_sending)
        {
            List<TicketPresence> chunk = [];
            var size = 0;
            foreach (var (number, present) in tickets.LocalSnapshot())
            {
                var item = new TicketPresence(number, Capped(present));
                var length = JsonSerializer.SerializeToUtf8Bytes(item).Length + 1;
                if (chunk.Count > 0 && size + length > ServerMessages.MaxPayloadBytes - 300)
                {
                    Publish(new PresenceMessage(PresenceKind.Repeat) { Tickets = chunk });
                    chunk = [];
                    size = 0;
                }
                chunk.Add(item);
                size += length;
            }
            if (chunk.Count > 0) Publish(new PresenceMessage(PresenceKind.Repeat) { Tickets = chunk });
            foreach (var slice in agents.LocalOnline().Chunk(OnlinePerMessage))
                Publish(new PresenceMessage(PresenceKind.Repeat) { Online = [.. slice] });
        }
    }

    private void OnMessage(ServerMessage received)
    {
        if (received.Topic != Topic) return;
        if (received.Read<PresenceMessage>() is not { } message)
        {
            log.LogWarning("Ignored a malformed presence message from {Server}", received.Sender);
            return;
        }
        var from = received.Sender;
        var now = Stopwatch.GetTimestamp();
        switch (message.Kind)
        {
            case PresenceKind.Hello:
                RepeatSoon();
                break;
            case PresenceKind.Gone:
                tickets.ForgetRemote(from);
                agents.ForgetRemote(from);
                break;
            case PresenceKind.Ticket:
                tickets.SetRemote(from, message.Number, message.Present ?? [], now);
                break;
            case PresenceKind.Online:
                agents.SetRemote(from, message.UserId, message.Value, now);
                break;
            case PresenceKind.Away:
                agents.RemoteAvailabilityChanged(message.UserId, message.Value);
                break;
            case PresenceKind.Repeat:
                foreach (var t in message.Tickets ?? []) tickets.SetRemote(from, t.Number, t.Present, now);
                foreach (var userId in message.Online ?? []) agents.SetRemote(from, userId, true, now);
                break;
        }
    }

    private void Publish(PresenceMessage message)
    {
        try { messages.Publish(Topic, message); }
        catch (ArgumentException ex) { log.LogWarning(ex, "A presence message was too long to send to the other servers"); }
    }

    /// <summary>Bounded, so one message always fits: at most 30 people per ticket, names cut at 80 characters.</summary>
    private static List<PresenceEntry> Capped(IReadOnlyList<PresenceEntry> present) =>
        [.. present.Take(MaxPerTicket).Select(e => e.DisplayName.Length <= MaxNameLength ? e : e with { DisplayName = e.DisplayName[..MaxNameLength] })];
}

internal enum PresenceKind { Hello, Gone, Ticket, Online, Away, Repeat }

/// <summary>One server's word on presence (see <see cref="PresenceRelay"/>); the sender comes with the <see cref="ServerMessage"/>.</summary>
internal sealed record PresenceMessage(PresenceKind Kind)
{
    /// <summary>Ticket: the ticket and who is on it from the sender (empty: nobody any more).</summary>
    public int Number { get; init; }
    public List<PresenceEntry>? Present { get; init; }
    /// <summary>Online, Away: the person, and whether they are online on the sender / away.</summary>
    public int UserId { get; init; }
    public bool Value { get; init; }
    /// <summary>Repeat: part of everything the sender has (tickets with people, people online).</summary>
    public List<TicketPresence>? Tickets { get; init; }
    public List<int>? Online { get; init; }
}

internal sealed record TicketPresence(int Number, List<PresenceEntry> Present);
