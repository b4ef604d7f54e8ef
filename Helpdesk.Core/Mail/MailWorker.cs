using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Mail;

/// <summary>
/// The background loop: send what is due, then sleep until the next retry is due, a message is
/// queued (<see cref="MailSignal"/>), or the poll interval passes. Only this loop talks to the
/// mail server, so no user operation ever waits for it.
/// </summary>
public sealed class MailWorker(
    MailSender sender,
    MailSignal signal,
    IOptionsMonitor<MailOptions> options,
    TimeProvider clock,
    LeasedJobs jobs,
    ILogger<MailWorker> log) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    /// <summary>One server runs it (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("mail", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var lastPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.CurrentValue.Poll;
            try
            {
                if (await sender.SendDueAsync(stoppingToken) >= MailSender.BatchSize) continue;
                var now = clock.GetUtcNow().UtcDateTime;
                if (await sender.NextDueAsync(stoppingToken) is { } next && next - now < wait)
                    wait = next <= now ? TimeSpan.Zero : next - now;
                if (now - lastPrune >= PruneEvery)
                {
                    lastPrune = now;
                    var pruned = await sender.PruneAsync(stoppingToken);
                    if (pruned > 0) log.LogInformation("Deleted {Count} old outgoing mail messages", pruned);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Mail worker failed; trying again in {Seconds} s", wait.TotalSeconds);
            }
            try { await signal.WaitAsync(wait, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
