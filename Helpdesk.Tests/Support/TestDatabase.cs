using Helpdesk.Core;
using Helpdesk.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Support;

/// <summary>
/// Helpdesk.Core wired as the app wires it, on a temporary SQLite file of its own with every
/// migration applied. Dispose deletes the file.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime, IAsyncDisposable
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "helpdesk-tests");

    private bool _disposed;

    /// <param name="configure">Runs after <c>AddHelpdeskCore</c>, so its registrations win (a fake clock...).</param>
    /// <param name="settings">Configuration on top of the defaults (demo data off).</param>
    public TestDatabase(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={FilePath}";
        var values = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = ConnectionString,
            ["DemoData:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHelpdeskCore(configuration);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public string FilePath { get; }
    public string ConnectionString { get; }
    public ServiceProvider Services { get; }

    /// <summary>A new, migrated database (the usual way to get one in a test).</summary>
    public static async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = new TestDatabase(configure, settings);
        await db.InitializeAsync();
        return db;
    }

    /// <summary>Applies the migrations (and seeds demo data if the settings turn it on).</summary>
    public Task InitializeAsync() => Get<DatabaseInitializer>().InitializeAsync();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public HelpdeskDbContext CreateDbContext() => Get<IDbContextFactory<HelpdeskDbContext>>().CreateDbContext();

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await Services.DisposeAsync();
        // Pooled connections keep the file (and its -wal/-shm) open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            try { File.Delete(file); }
            catch (IOException) { /* still held open elsewhere: it is only a temp file */ }
        }
    }
}
