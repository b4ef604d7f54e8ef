using Helpdesk.Core.Data.DemoData;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Data;

/// <summary>Start-up: apply migrations (never EnsureCreated), turn on WAL, seed demo data into an empty database.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<HelpdeskDbContext> dbs,
    DemoSeeder seeder,
    EventStream stream,
    IOptions<DemoDataOptions> demo,
    ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                log.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(ct);
            }
        }
        await EnsureRolesAsync(ct);
        if (demo.Value.Enabled) await seeder.SeedIfEmptyAsync(ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            // Other servers may commit too: the event log orders what this one publishes (EventRelay).
            if (db.IsPostgres()) stream.ShareWithOtherServers();
            stream.StartAfter(await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0);
        }
    }

    /// <summary>The four roles exist on every database, demo or not: registration adds people to "Requester".</summary>
    private async Task EnsureRolesAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var name in Roles.All.Except(existing!))
            db.Roles.Add(new Role(name!) { NormalizedName = name!.ToUpperInvariant() });
        await db.SaveChangesAsync(ct);
    }
}
