using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// Polls every configured mailbox on its own loop, so one slow or broken mailbox never delays
/// another. A failing mailbox backs off (doubling, up to 15 minutes) and recovers on its own.
/// </summary>
public sealed class MailboxService(
    MailboxPoller poller,
    MailboxStatusBoard status,
    IOptionsMonitor<MailChannelOptions> options,
    TimeProvider clock,
    LeasedJobs jobs,
    ILogger<MailboxService> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var boxes = options.CurrentValue.Mailboxes.Where(m => m.Enabled && !string.IsNullOrWhiteSpace(m.Host)).ToList();
        if (boxes.Count == 0) return Task.CompletedTask;
        log.LogInformation("Polling {Count} mailbox(es): {Names}", boxes.Count, string.Join(", ", boxes.Select(b => b.Name)));
        // One server polls each mailbox (<see cref="LeasedJobs"/>); different mailboxes may land on different servers.
        return Task.WhenAll(boxes.Select(b => Task.Run(() => jobs.RunWhileHeldAsync("mailbox:" + b.Name, ct => LoopAsync(b, ct), stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(MailboxOptions box, CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, box.PollSeconds));
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var wait = every;
            try
            {
                var handled = await poller.PollOnceAsync(box, ct);
                status.Succeeded(box.Name, clock.GetUtcNow().UtcDateTime, handled);
                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                failures++;
                wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, every.Ticks * (1L << Math.Min(failures, 10))));
                status.Failed(box.Name, clock.GetUtcNow().UtcDateTime, ex.Message);
                log.LogWarning(ex, "Mailbox {Mailbox} could not be polled ({Failures} in a row); next try in {Seconds} s", box.Name, failures, (int)wait.TotalSeconds);
            }
            try { await Task.Delay(wait, clock, ct); }
            catch (OperationCanceledException) { return; }
        }
    }
}
