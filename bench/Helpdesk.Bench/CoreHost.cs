using Helpdesk.Core;
using Helpdesk.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bench;

/// <summary>The real Core service graph (AddLogging + AddHelpdeskCore) over one SQLite file.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private CoreHost(ServiceProvider services, string connectionString)
    {
        Services = services;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }
    /// <summary>The connection string Core itself resolves, for the raw baselines (same file, same settings).</summary>
    public string ConnectionString { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<CoreHost> StartAsync(string dbPath, Action<IServiceCollection>? extra = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={dbPath}",
            ["DemoData:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(); // no providers: the log calls cost what an unconfigured logger costs
        services.AddHelpdeskCore(config);
        extra?.Invoke(services);
        var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var cs = new DatabaseOptions { ConnectionString = $"Data Source={dbPath}" }.ResolveSqlite();
        return new CoreHost(sp, cs);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>Raw connections opened like Core's (its interceptor's pragmas on every open).</summary>
public static class Raw
{
    public const string ConnectionPragmas = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";

    public static SqliteConnection Open(string connectionString)
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        Exec(c, ConnectionPragmas);
        return c;
    }

    public static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(SqliteConnection c, string sql, params (string Name, object? Value)[] ps)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        var o = cmd.ExecuteScalar();
        return (T)Convert.ChangeType(o!, typeof(T), Fmt.C);
    }

    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            if (File.Exists(f)) File.Delete(f);
    }
}

public static class Paths
{
    /// <summary>The folder holding Helpdesk.sln, found from the working directory or the binaries.</summary>
    public static string RepoRoot { get; } = Find();

    public static string BenchProject => Path.Combine(RepoRoot, "bench", "Helpdesk.Bench");
    public static string DataDir => Directory.CreateDirectory(Path.Combine(BenchProject, ".data")).FullName;
    public static string ResultsFile => Path.Combine(RepoRoot, "bench", "RESULTS.md");

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Helpdesk.sln"))) return d.FullName;
        throw new InvalidOperationException("Run from inside the repository (Helpdesk.sln not found).");
    }
}
