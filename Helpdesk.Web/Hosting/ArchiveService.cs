using Helpdesk.Core.Servers;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Web.Hosting;

/// <summary>Once an hour, moves old closed tickets out of the working set.</summary>
internal sealed class ArchiveService(ArchiveClosedTickets archive, LeasedJobs jobs, ILogger<ArchiveService> log) : BackgroundService
{
    /// <summary>One server archives (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("archive", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var n = await archive.RunAsync(ct: stoppingToken);
                if (n > 0) log.LogInformation("Archived {Count} closed tickets", n);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Archiving failed; will retry in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
