using Helpdesk.Core.Events;
using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// The background loop: queue new events (<see cref="WebhookOutbox"/>), send what is due
/// (<see cref="WebhookSender"/>), then sleep until the next retry is due, an event arrives, an
/// admin asks for a retry, or the poll interval passes. Ticket commands only publish an event:
/// a slow or dead receiver never delays them.
/// </summary>
public sealed class WebhookWorker(
    WebhookOutbox outbox,
    WebhookSender sender,
    WebhookSignal signal,
    IEventStream stream,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider clock,
    LeasedJobs jobs,
    ILogger<WebhookWorker> log) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    /// <summary>One server runs it (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("webhooks", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var events = stream.Subscribe(nameof(WebhookWorker), (_, _) =>
        {
            signal.Notify();
            return ValueTask.CompletedTask;
        });
        var lastPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.CurrentValue.Poll;
            try
            {
                await outbox.QueueAsync(stoppingToken);
                if (await sender.SendDueAsync(stoppingToken) >= WebhookSender.BatchSize) continue;
                var now = clock.GetUtcNow().UtcDateTime;
                if (await sender.NextDueAsync(stoppingToken) is { } next && next - now < wait)
                    wait = next <= now ? TimeSpan.Zero : next - now;
                if (now - lastPrune >= PruneEvery)
                {
                    lastPrune = now;
                    var pruned = await sender.PruneAsync(stoppingToken);
                    if (pruned > 0) log.LogInformation("Deleted {Count} old webhook deliveries", pruned);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Webhook worker failed; trying again in {Seconds} s", wait.TotalSeconds);
            }
            try { await signal.WaitAsync(wait, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
