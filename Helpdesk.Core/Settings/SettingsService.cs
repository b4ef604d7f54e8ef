using Helpdesk.Core.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Settings;

/// <summary>Applies the stored settings at start-up (after migrations), then closes resolved tickets that are due, every few minutes.</summary>
internal sealed class SettingsService(DeskSettings settings, AutoCloseResolvedTickets autoClose, LeasedJobs jobs, ILogger<SettingsService> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await settings.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Every server loads the settings; one closes tickets (<see cref="LeasedJobs"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RunWhileHeldAsync("auto-close", RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var n = await autoClose.RunAsync(ct: stoppingToken);
                if (n > 0) log.LogInformation("Closed {Count} resolved tickets nobody confirmed", n);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Auto-closing resolved tickets failed; will retry in {Minutes} minutes", Every.TotalMinutes);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
