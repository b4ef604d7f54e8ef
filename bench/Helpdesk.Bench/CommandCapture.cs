using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Helpdesk.Bench;

/// <summary>
/// Records the SQL EF sends (for EXPLAIN QUERY PLAN and statement counts). Only ever registered on a
/// separate service provider: the timed providers run without it.
/// </summary>
public sealed class CommandCapture : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    private long _sqlTicks, _commitTicks, _commits;
    /// <summary>Time inside command execution (until the reader/result is returned), in ms.</summary>
    public double SqlMs => Interlocked.Read(ref _sqlTicks) / (double)TimeSpan.TicksPerMillisecond;
    public double CommitMs => Interlocked.Read(ref _commitTicks) / (double)TimeSpan.TicksPerMillisecond;
    public long Commits => Interlocked.Read(ref _commits);

    public sealed record Captured(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    public ConcurrentQueue<Captured> Commands { get; } = new();
    private int _opens;
    public int ConnectionOpens => Volatile.Read(ref _opens);

    public void Clear()
    {
        Commands.Clear();
        Interlocked.Exchange(ref _opens, 0);
        Interlocked.Exchange(ref _sqlTicks, 0);
        Interlocked.Exchange(ref _commitTicks, 0);
        Interlocked.Exchange(ref _commits, 0);
    }

    private void Took(TimeSpan d) => Interlocked.Add(ref _sqlTicks, d.Ticks);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    { Took(eventData.Duration); return result; }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    { Took(eventData.Duration); return ValueTask.FromResult(result); }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    { Took(eventData.Duration); return result; }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    { Took(eventData.Duration); return ValueTask.FromResult(result); }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    { Took(eventData.Duration); return result; }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    { Took(eventData.Duration); return ValueTask.FromResult(result); }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Interlocked.Add(ref _commitTicks, eventData.Duration.Ticks);
        Interlocked.Increment(ref _commits);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Record(DbCommand c) =>
        Commands.Enqueue(new Captured(c.CommandText, [.. c.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    { Record(command); return ValueTask.FromResult(result); }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _opens);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opens);
        return Task.CompletedTask;
    }
}
