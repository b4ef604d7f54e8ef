using Helpdesk.Core.Data;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Servers;
using Helpdesk.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Admin;

/// <summary>
/// With PostgreSQL and several servers: an admin change saved on another server takes effect here
/// too, as it does where it was saved (<see cref="AdminWriter"/>): custom fields and categories are
/// read again, settings reloaded (ticket rules, number prefix, mail options), and open screens told
/// (<see cref="AdminSignal"/>). The admin log (<see cref="AdminChange"/>, written in each change's
/// transaction) is the source of truth: a <see cref="ServerMessages"/> message only wakes this up,
/// and it also reads the log every <see cref="SafetyNet"/>, so a lost message delays but never
/// skips. Ids follow commit order, since writers queue on one advisory lock. Nothing on SQLite.
/// </summary>
public sealed class AdminRelay(
    IDbContextFactory<HelpdeskDbContext> dbs,
    IOptions<DatabaseOptions> database,
    ServerMessages messages,
    AdminSignal signal,
    IServiceProvider services,
    ILogger<AdminRelay> log) : BackgroundService
{
    public const string Topic = "admin";
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(5);

    private readonly Application.Wakeup _wake = new();
    private readonly Lock _gate = new();
    private readonly HashSet<long> _appliedHere = [];
    private long _last = -1;

    private bool Enabled => database.Value.IsPostgres;

    /// <summary>The writer applied these committed changes on this server: skip them here, and wake the other servers.</summary>
    public void CommittedHere(IEnumerable<long> changeIds)
    {
        if (!Enabled) return;
        lock (_gate)
            foreach (var id in changeIds)
                if (id > _last) _appliedHere.Add(id);
        messages.Publish(Topic);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        messages.Received += OnMessage;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await CatchUpAsync(stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception ex) { log.LogWarning(ex, "Reading admin changes of other servers failed; retrying in {Seconds} s", SafetyNet.TotalSeconds); }
                try { await _wake.WaitAsync(SafetyNet, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
        finally { messages.Received -= OnMessage; }
    }

    private void OnMessage(ServerMessage message)
    {
        if (message.Topic == Topic) _wake.Set();
    }

    /// <summary>Applies the admin changes committed since the last look, except those applied here already.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (_last < 0)
        {
            // Start from now: what was committed before this server started is in what it loaded.
            _last = await db.AdminChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            return;
        }
        var rows = await db.AdminChanges.Where(c => c.Id > _last).OrderBy(c => c.Id).Select(c => new { c.Id, c.Area }).Take(1000).ToListAsync(ct);
        if (rows.Count == 0) return;
        List<AdminArea> areas;
        lock (_gate)
        {
            _last = rows[^1].Id;
            areas = [.. rows.Where(r => !_appliedHere.Remove(r.Id)).Select(r => r.Area).Distinct()];
            _appliedHere.RemoveWhere(id => id <= _last);
        }
        if (areas.Count == 0) return;
        // Resolved here: DeskSettings itself writes through AdminWriter, which tells this relay.
        if (areas.Any(a => a is AdminArea.Field or AdminArea.Category)) services.GetRequiredService<FieldCatalog>().Invalidate();
        if (areas.Contains(AdminArea.Setting)) await services.GetRequiredService<DeskSettings>().LoadAsync(ct);
        signal.Raise(areas);
        log.LogInformation("Applied admin changes saved on another server ({Areas})", string.Join(", ", areas));
    }
}
