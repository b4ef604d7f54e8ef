namespace Helpdesk.Tests.Support;

/// <summary>Waits for a condition by polling it, failing after <see cref="Timeout"/> with what was awaited: no fixed sleeps.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {Timeout.TotalSeconds} s: {what}");
            await Task.Delay(20);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what) => TrueAsync(() => Task.FromResult(condition()), what);
}
