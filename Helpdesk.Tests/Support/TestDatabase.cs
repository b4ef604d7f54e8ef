using Helpdesk.Core;
using Helpdesk.Core.Data;
using Helpdesk.Tests.Support.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Support;

/// <summary>
/// Helpdesk.Core wired as the app wires it, on a temporary database of its own with every migration
/// applied: a SQLite file, or (when HELPDESK_TEST_DATABASE=PostgreSQL, as scripts/test.sh's second
/// pass over the Core tests sets it) a database on the test process's own PostgreSQL server
/// (<see cref="PostgresServer"/>). Dispose deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime, IAsyncDisposable
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "helpdesk-tests");

    /// <summary>The provider tests run on unless they ask for one: HELPDESK_TEST_DATABASE, "Sqlite" by default.</summary>
    public static string DefaultProvider { get; } =
        Environment.GetEnvironmentVariable("HELPDESK_TEST_DATABASE") is { Length: > 0 } p ? p : DatabaseOptions.SqliteProvider;

    public static bool OnPostgres => new DatabaseOptions { Provider = DefaultProvider }.IsPostgres;

    private readonly PostgresServer? _postgres;
    private readonly string? _postgresDatabase;
    private bool _disposed;

    /// <param name="configure">Runs after <c>AddHelpdeskCore</c>, so its registrations win (a fake clock...).</param>
    /// <param name="settings">Configuration on top of the defaults (demo data off).</param>
    /// <param name="provider">"Sqlite" or "PostgreSQL"; <see cref="DefaultProvider"/> when null.</param>
    public TestDatabase(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null, string? provider = null)
    {
        Provider = provider ?? DefaultProvider;
        if (new DatabaseOptions { Provider = Provider }.IsPostgres)
        {
            _postgres = PostgresServer.GetAsync().GetAwaiter().GetResult();
            _postgresDatabase = _postgres.CreateDatabaseAsync().GetAwaiter().GetResult();
            FilePath = "";
            ConnectionString = _postgres.ConnectionString(_postgresDatabase);
        }
        else
        {
            Directory.CreateDirectory(Folder);
            FilePath = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={FilePath}";
        }
        Services = Build(Provider, ConnectionString, configure, settings);
    }

    /// <summary>
    /// A second app (another server) on the same database as <paramref name="shared"/>: its own
    /// services, event stream and write gate. Disposing it leaves the database to its owner.
    /// </summary>
    public static TestDatabase SecondServer(TestDatabase shared, Action<IServiceCollection>? configure = null) =>
        new(configure, null, shared.Provider, shared);

    private TestDatabase(Action<IServiceCollection>? configure, IReadOnlyDictionary<string, string?>? settings, string provider, TestDatabase shared)
    {
        Provider = provider;
        FilePath = shared.FilePath;
        ConnectionString = shared.ConnectionString;
        _shared = true;
        Services = Build(Provider, ConnectionString, configure, settings);
    }

    private readonly bool _shared;

    private static ServiceProvider Build(string provider, string connectionString, Action<IServiceCollection>? configure, IReadOnlyDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>(Settings(provider, connectionString)) { ["DemoData:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHelpdeskCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>"Sqlite" or "PostgreSQL".</summary>
    public string Provider { get; }
    public bool IsPostgres => new DatabaseOptions { Provider = Provider }.IsPostgres;
    /// <summary>The SQLite file ("" on PostgreSQL).</summary>
    public string FilePath { get; }
    public string ConnectionString { get; }
    public ServiceProvider Services { get; }

    /// <summary>The "Database" configuration another host needs to open this same database.</summary>
    public IReadOnlyDictionary<string, string?> DatabaseSettings => Settings(Provider, ConnectionString);

    /// <summary>The "Database" configuration for a connection string of the default provider (a restarted host).</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string provider, string connectionString) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider,
        ["Database:ConnectionString"] = connectionString,
    };

    /// <summary>The provider a connection string this class made belongs to.</summary>
    public static string ProviderOf(string connectionString) =>
        connectionString.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? DatabaseOptions.SqliteProvider : DatabaseOptions.PostgresProvider;

    /// <summary>A new, migrated database (the usual way to get one in a test).</summary>
    public static async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null, string? provider = null)
    {
        var db = new TestDatabase(configure, settings, provider);
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
        if (_shared) return;
        if (_postgres is not null)
        {
            await _postgres.DropDatabaseAsync(_postgresDatabase!);
            return;
        }
        // Pooled connections keep the file (and its -wal/-shm) open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            try { File.Delete(file); }
            catch (IOException) { /* still held open elsewhere: it is only a temp file */ }
        }
    }
}
