using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Core.Data;

/// <summary>
/// PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE: every transaction EF begins (the write
/// paths: TicketWriter, outbox claims, settings...) first takes one transaction-scoped advisory lock,
/// so writers queue in the database, across every app server, before their first read. Ticket
/// numbers are then allocated without gaps or duplicates, a read-then-write never works from a stale
/// snapshot, and event ids are handed out in commit order (the event log's sequence). Read-only
/// snapshots (<see cref="DatabaseProvider.BeginSnapshotAsync"/>) do not take it.
/// </summary>
internal sealed class PostgresWriteLock : DbTransactionInterceptor
{
    /// <summary>An arbitrary constant naming "the helpdesk's writer" among advisory locks ("HELPDESK" in ASCII).</summary>
    private const string KeyText = "5207652451750335307";
    private const string Sql = "SELECT pg_advisory_xact_lock(" + KeyText + ")";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = result;
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken ct = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = result;
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(ct);
        return result;
    }
}
