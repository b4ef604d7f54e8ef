using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

/// <summary>appsettings.json "Sla".</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>How often the SLA service looks for tickets turning at risk or breached.</summary>
    public int PollSeconds { get; set; } = 5;
}

/// <summary>
/// The SLA timer: every few seconds it has the clock look at tickets whose stored moment came. The
/// moments are stored with each ticket (written in the ticket's own transactions), so a restart loses
/// nothing: the first poll after it fires whatever fell due meanwhile, once.
/// </summary>
public sealed class SlaService(SlaProcessor processor, IOptions<SlaOptions> options, LeasedJobs jobs, ILogger<SlaService> log) : BackgroundService
{
    /// <summary>One server runs the timer (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("sla", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try { await processor.RunDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Processing due SLA moments failed; will retry"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
