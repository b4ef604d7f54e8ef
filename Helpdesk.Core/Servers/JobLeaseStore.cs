using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Servers;

/// <summary>
/// Takes, renews and gives back job leases. Each call is one short write transaction (BEGIN
/// IMMEDIATE on SQLite, the writers' advisory lock on PostgreSQL), so two servers asking at once
/// are served one after the other and exactly one of them gets the lease.
/// </summary>
public sealed class JobLeaseStore(IDbContextFactory<HelpdeskDbContext> factory, WriteGate gate, ServerInstance server, TimeProvider clock)
{
    public string Holder => server.Id;

    /// <summary>
    /// Renews the lease if this server holds it, takes it if it is free or expired, and returns its
    /// generation; null while another server holds it.
    /// </summary>
    public async Task<long?> TryAcquireAsync(string name, TimeSpan length, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = await db.JobLeases.SingleOrDefaultAsync(l => l.Name == name, ct);
        if (lease is null)
        {
            lease = new JobLease { Name = name, Holder = server.Id, AcquiredAt = now, ExpiresAt = now + length, Generation = 1 };
            db.JobLeases.Add(lease);
        }
        else if (lease.Holder == server.Id && lease.ExpiresAt > now)
        {
            lease.ExpiresAt = now + length;
        }
        else if (lease.ExpiresAt <= now)
        {
            lease.Holder = server.Id;
            lease.AcquiredAt = now;
            lease.ExpiresAt = now + length;
            lease.Generation++;
        }
        else return null;

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server inserted the first row between our read and our write (only possible
            // where no lock serialises writers, e.g. SQLite opened by a second process in deferred mode).
            return null;
        }
        return lease.Generation;
    }

    /// <summary>Gives the lease back at once (a graceful stop), so another server need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lease = await db.JobLeases.SingleOrDefaultAsync(l => l.Name == name && l.Holder == server.Id, ct);
        if (lease is null) return;
        lease.ExpiresAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<JobLease>> AllAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.JobLeases.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
    }
}
