namespace Helpdesk.Core.Application;

/// <summary>
/// One writer at a time in this process. SQLite allows one writer anyway; queueing here instead of
/// in the database means callers never see "database is locked" and never read a stale snapshot
/// before writing. Transactions are also BEGIN IMMEDIATE for writers in other processes.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _semaphore.WaitAsync(ct);
        return new Releaser(_semaphore);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
