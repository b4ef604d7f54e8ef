namespace Helpdesk.Core.Application;

/// <summary>
/// Wakes one waiting loop early. Wake-ups that come while the loop is busy count as one, so it
/// never misses the last one and never spins through many.
/// </summary>
public sealed class Wakeup
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try { _semaphore.Release(); }
        catch (SemaphoreFullException) { /* already due to wake */ }
    }

    /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
