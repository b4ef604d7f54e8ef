using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Support;

/// <summary>
/// The real Helpdesk.Web app, in-process, on a real loopback port (Kestrel, not TestServer), so a
/// real browser or a SignalR client can talk to it. Each instance has its own temporary SQLite
/// file, seeded with demo data (demo accounts and <see cref="DemoTickets"/> tickets), deleted on
/// dispose. Use it as a class fixture (<c>IClassFixture&lt;AppHost&gt;</c>) or create one per test
/// with <c>await using var app = await AppHost.StartAsync(...)</c>.
/// </summary>
public class AppHost : IAsyncLifetime, IAsyncDisposable
{
    public const int DefaultDemoTickets = 30;

    private readonly Dictionary<string, string?> _settings;
    private readonly string _directory;
    private WebApplicationFactory<Program>? _factory;
    private int _disposed;

    /// <summary>For xunit class fixtures: demo data with <see cref="DefaultDemoTickets"/> tickets.</summary>
    public AppHost() : this(DefaultDemoTickets) { }

    /// <param name="demoTickets">How many demo tickets to seed ("DemoData:Tickets").</param>
    /// <param name="settings">Extra configuration ("Section:Key" = value); these win over the defaults set here.</param>
    protected AppHost(int demoTickets, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DemoTickets = demoTickets;
        _directory = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = ConnectionString,
            ["DemoData:Enabled"] = "true",
            ["DemoData:Tickets"] = demoTickets.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Mail goes to this instance's folder, never to the repository's data/mail.
            ["Mail:Delivery"] = "Pickup",
            ["Mail:PickupDirectory"] = Path.Combine(_directory, "mail"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>Starts a host that the caller disposes (<c>await using</c>).</summary>
    public static async Task<AppHost> StartAsync(int demoTickets = DefaultDemoTickets, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new AppHost(demoTickets, settings);
        await host.InitializeAsync(); // disposes itself when it fails
        return host;
    }

    public int DemoTickets { get; }
    /// <summary>The temporary SQLite file this instance uses (and deletes on dispose).</summary>
    public string DatabasePath { get; }
    /// <summary>"Data Source=…" of <see cref="DatabasePath"/>; the value given to "Database:ConnectionString".</summary>
    public string ConnectionString { get; }
    /// <summary>e.g. http://127.0.0.1:43291/ (ends with a slash).</summary>
    public Uri BaseUrl { get; private set; } = null!;
    /// <summary>The app's own service provider (singletons are the ones the running app uses).</summary>
    public IServiceProvider Services => Started.Services;
    /// <summary>What the app logged (warnings and worse, plus "Helpdesk.*" information), newest last.</summary>
    public CapturedLog Log { get; } = new();

    private WebApplicationFactory<Program> Started =>
        _factory ?? throw new InvalidOperationException("The app is not started: call InitializeAsync (xunit does this for fixtures).");

    /// <summary>An HttpClient for <see cref="BaseUrl"/> over real HTTP; the caller disposes it.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An absolute URL on this app, e.g. <c>Url("/health")</c>.</summary>
    public string Url(string relative) => new Uri(BaseUrl, relative.TrimStart('/')).ToString();

    public async Task InitializeAsync()
    {
        if (_factory is not null) return;
        try
        {
            await StartFactoryAsync(port: 0);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the app as a server shutdown would (circuits and connections end), keeping its port and
    /// database for <see cref="StartAgainAsync"/>. Open browser pages see the server go away.
    /// </summary>
    public async Task StopAsync()
    {
        var old = Started;
        _factory = null;
        await old.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Starts a stopped app again on the same port with the same database, as an operator restarting the service.</summary>
    public Task StartAgainAsync() => StartFactoryAsync(BaseUrl.Port);

    /// <summary><see cref="StopAsync"/> then <see cref="StartAgainAsync"/>.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    private async Task StartFactoryAsync(int port)
    {
        var factory = new Factory(builder =>
        {
            // "Development", deliberately:
            // - the container validates scopes and the whole service graph at start-up, so a lifetime
            //   mistake (a singleton holding a scoped service) fails the tests instead of production;
            // - static web assets (blazor.web.js, MudBlazor's CSS and JS) are served from the build
            //   output whatever the app itself does about them;
            // - a server error shows the real exception, so a failing browser test's screenshot says why.
            // The Production pipeline (UseExceptionHandler, the one-line start-up failure) is covered by
            // running the built dll as an operator would (Web/Hosting/DatabaseStartupFailureTests).
            builder.UseEnvironment("Development");
            // Settings given here are the highest-priority configuration source, above the operator's
            // appsettings.json (which OperatorSettings loads below everything else). AppHostTests proves it.
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(Log);
            });
        });
        factory.UseKestrel(port);
        _factory = factory;
        // StartServer blocks while the app migrates and seeds; keep it off xunit's synchronisation context.
        await Task.Run(factory.StartServer);
        var address = factory.ClientOptions.BaseAddress;
        BaseUrl = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        await EnsureServingAsync();
    }

    /// <summary>
    /// When Program.cs gives up before running (e.g. the database cannot be opened, it returns 1),
    /// WebApplicationFactory still reports a started server that serves nothing. Ask /health.
    /// </summary>
    private async Task EnsureServingAsync()
    {
        using var http = CreateClient();
        string answer;
        try
        {
            using var response = await http.GetAsync("health");
            if (response.IsSuccessStatusCode) return;
            answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException ex)
        {
            answer = ex.Message;
        }
        throw new InvalidOperationException(
            $"The app did not start on {BaseUrl} (GET /health: {answer}). What it logged:{Environment.NewLine}{Log}");
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_factory is not null)
        {
            try { await _factory.DisposeAsync(); }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException) { }
        }
        // Pooled connections keep the file open; they belong to this test's database or are idle.
        SqliteConnection.ClearAllPools();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
                break;
            }
            catch (IOException) when (attempt < 5) { await Task.Delay(200); }
            catch (UnauthorizedAccessException) when (attempt < 5) { await Task.Delay(200); }
        }
        GC.SuppressFinalize(this);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private sealed class Factory(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }
}

/// <summary>Log lines the hosted app wrote, for assertions and failure messages.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];
    public override string ToString() => string.Join(Environment.NewLine, _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Information && category.StartsWith("Helpdesk", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            if (exception is not null) line += $" [{exception.GetType().Name}: {exception.Message}]";
            owner._lines.Enqueue(line);
            while (owner._lines.Count > 2000) owner._lines.TryDequeue(out _);
        }
    }
}

/// <summary>Where test output goes: &lt;repo&gt;/.test-results (scripts/test.sh collects it).</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Helpdesk.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Helpdesk.sln not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root (the folder with Helpdesk.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>&lt;repo&gt;/.test-results, created on demand.</summary>
    public static string Results => Directory.CreateDirectory(Path.Combine(RepoRoot, ".test-results")).FullName;

    /// <summary>&lt;repo&gt;/.test-results/screenshots, created on demand.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Results, "screenshots")).FullName;
}
