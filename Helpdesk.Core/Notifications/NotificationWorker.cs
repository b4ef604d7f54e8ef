using Helpdesk.Core.Events;
using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// The background loop: plan notifications for new events (<see cref="NotificationOutbox"/>) as
/// soon as one is published, or every poll interval for events committed by another process.
/// </summary>
public sealed class NotificationWorker(
    NotificationOutbox outbox,
    NotificationInbox inbox,
    IEventStream stream,
    IOptionsMonitor<NotificationOptions> options,
    LeasedJobs jobs,
    ILogger<NotificationWorker> log) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(6);
    private readonly Application.Wakeup _wake = new();

    /// <summary>One server runs it (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("notifications", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var events = stream.Subscribe(nameof(NotificationWorker), (_, _) =>
        {
            _wake.Set();
            return ValueTask.CompletedTask;
        });
        var lastPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.CurrentValue.Poll;
            try
            {
                await outbox.QueueAsync(stoppingToken);
                if (DateTime.UtcNow - lastPrune >= PruneEvery)
                {
                    lastPrune = DateTime.UtcNow;
                    await inbox.PruneAsync(options.CurrentValue.KeepDays, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Notification worker failed; trying again in {Seconds} s", wait.TotalSeconds);
            }
            try { await _wake.WaitAsync(wait, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
