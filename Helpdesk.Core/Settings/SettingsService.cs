using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Settings;

/// <summary>Applies the stored settings at start-up (after migrations), then closes resolved tickets that are due, every few minutes.</summary>
internal sealed class SettingsService(DeskSettings settings, AutoCloseResolvedTickets autoClose, ILogger<SettingsService> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await settings.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
