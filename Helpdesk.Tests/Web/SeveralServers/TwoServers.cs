using Helpdesk.Core.Data;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Postgres;
using Helpdesk.Tests.Support.Redis;
using Helpdesk.Web.Realtime;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// Two app servers (A and B) on one real PostgreSQL database and one real redis-server as their
/// SignalR backplane, as behind a load balancer. A migrates and seeds; B finds the database ready.
/// </summary>
public sealed class TwoServers : IAsyncDisposable
{
    private PostgresServer _postgres = null!;
    private string _database = "";

    private TwoServers() { }

    public AppHost A { get; private set; } = null!;
    public AppHost B { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;

    /// <param name="settings">Settings for both servers on top of the shared database and Redis.</param>
    public static async Task<TwoServers> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var servers = new TwoServers();
        try
        {
            servers.Redis = await RedisServer.StartNewAsync();
            servers._postgres = await PostgresServer.GetAsync();
            servers._database = await servers._postgres.CreateDatabaseAsync();
            var shared = new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseOptions.PostgresProvider,
                ["Database:ConnectionString"] = servers._postgres.ConnectionString(servers._database),
                [RedisBackplane.ConfigurationKey] = servers.Redis.Configuration,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) shared[key] = value;
            servers.A = await AppHost.StartAsync(settings: shared);
            servers.B = await AppHost.StartAsync(settings: shared);
            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    /// <summary>What GET /health answers on <paramref name="app"/> ("Healthy", "Degraded", "Unhealthy").</summary>
    public static async Task<string> HealthAsync(AppHost app)
    {
        using var http = app.CreateClient();
        using var response = await http.GetAsync("health");
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (_database.Length > 0) await _postgres.DropDatabaseAsync(_database);
        if (Redis is not null) await Redis.DisposeAsync();
    }
}
