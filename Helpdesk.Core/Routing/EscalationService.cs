using Helpdesk.Core.Events;
using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Routing;

/// <summary>
/// The escalation clock: at start it reconciles the stored due times (nothing is lost across a
/// restart), follows ticket changes to keep them current, and every few seconds fires what fell due.
/// </summary>
public sealed class EscalationService(
    EscalationSchedule schedule,
    EscalationProcessor processor,
    IEventStream stream,
    IOptions<EscalationOptions> options,
    LeasedJobs jobs,
    ILogger<EscalationService> log) : BackgroundService
{
    /// <summary>One server runs it (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("escalation", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // Listen before reconciling, so no change slips between the two.
        using var changes = stream.Subscribe(nameof(EscalationService), (e, ct) => new ValueTask(schedule.RescheduleAsync(e.Row.Id, ct)));
        try { await schedule.ReconcileAsync(stoppingToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Reconciling the escalation schedule failed"); }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try { await processor.RunDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Processing due escalations failed; will retry"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
