namespace Helpdesk.Core.Integrations.Idempotency;

/// <summary>An async lock per key; entries go away when nobody holds or waits for them.</summary>
internal sealed class KeyedLock<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, (SemaphoreSlim Semaphore, int Users)> _locks = [];

    public async Task<IDisposable> EnterAsync(TKey key, CancellationToken ct)
    {
        SemaphoreSlim semaphore;
        lock (_locks)
        {
            var entry = _locks.TryGetValue(key, out var e) ? e : (new SemaphoreSlim(1, 1), 0);
            _locks[key] = (entry.Item1, entry.Item2 + 1);
            semaphore = entry.Item1;
        }
        try { await semaphore.WaitAsync(ct); }
        catch
        {
            Leave(key, release: false);
            throw;
        }
        return new Releaser(this, key);
    }

    private void Leave(TKey key, bool release)
    {
        lock (_locks)
        {
            var (semaphore, users) = _locks[key];
            if (release) semaphore.Release();
            if (users == 1) _locks.Remove(key);
            else _locks[key] = (semaphore, users - 1);
        }
    }

    private sealed class Releaser(KeyedLock<TKey> owner, TKey key) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) owner.Leave(key, release: true);
        }
    }
}
