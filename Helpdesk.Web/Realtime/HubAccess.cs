using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// Ends the live feeds of a person whose access ended, on this server. A hub connection checks who
/// it is only when it connects, so without this a deactivated person kept receiving events until
/// they disconnected. Told at once by <see cref="AccessSignal"/> (raised here or, on PostgreSQL, by
/// any server through NOTIFY), it re-reads the person: when they are no longer active their hub
/// connections are closed and their circuits' live views stop (the circuit itself signs out at its
/// next revalidation). A missed notification is caught by a sweep over the connected people every
/// revalidation interval (<c>Accounts:RevalidateSeconds</c>, the cookies' and circuits' own).
/// </summary>
public sealed class HubAccess(AccessSignal access, HubConnections connections, HubWatchers watchers, LiveFeed live,
    CallerDirectory directory, IDbContextFactory<HelpdeskDbContext> dbs, IOptions<SecurityStampValidatorOptions> stamps,
    ILogger<HubAccess> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var told = access.Subscribe(userId => _ = RecheckAsync(userId, stoppingToken));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, stamps.Value.ValidationInterval.TotalSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RecheckAsync(int userId, CancellationToken ct)
    {
        try
        {
            if (await directory.ForUserAsync(userId, ct) is null) End(userId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Checking person {UserId}'s access failed; the next sweep checks again", userId);
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        var connected = connections.People;
        if (connected.Count == 0) return;
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var active = await db.Users.Where(u => connected.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
            foreach (var userId in connected.Except(active)) End(userId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Checking connected people's access failed; retrying at the next sweep");
        }
    }

    private void End(int userId)
    {
        live.EndFor(userId);
        foreach (var (connection, caller) in connections.All)
            if (caller.UserId == userId) watchers.Disconnected(connection);
        var closed = connections.Close(userId);
        log.LogInformation("Person {UserId} no longer active: {Count} hub connection(s) closed, live views stopped", userId, closed);
    }
}
