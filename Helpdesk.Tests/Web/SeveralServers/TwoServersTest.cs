using Helpdesk.Tests.Support;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>A test class whose every test gets its own <see cref="TwoServers"/> (A and B, one PostgreSQL database, one Redis).</summary>
public abstract class TwoServersTest : IAsyncLifetime
{
    protected TwoServers Servers { get; private set; } = null!;
    protected AppHost A => Servers.A;
    protected AppHost B => Servers.B;

    /// <summary>Settings for both servers; null for the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync() => Servers = await TwoServers.StartAsync(Settings);

    public virtual async Task DisposeAsync()
    {
        if (Servers is not null) await Servers.DisposeAsync();
    }
}
