using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Bench;

/// <summary>
/// The real Helpdesk.Web app in this process on a real loopback port (Kestrel), as Helpdesk.Tests'
/// AppHost hosts it: WebApplicationFactory, environment Development (static web assets served from
/// the build output), its own temporary SQLite file seeded with demo data. Two additions, both in
/// the service graph only (nothing in Core or Web changes): <see cref="CommitClock"/> wraps the
/// event stream to timestamp each commit, and <see cref="CircuitCounter"/> counts open circuits.
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<global::Program> _factory;
    private readonly string _directory;

    private LiveApp(WebApplicationFactory<global::Program> factory, string directory, Uri baseUrl)
    {
        _factory = factory;
        _directory = directory;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public IServiceProvider Services => _factory.Services;
    public CommitClock Commits => Services.GetRequiredService<CommitClock>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    public string Url(string relative) => new Uri(BaseUrl, relative.TrimStart('/')).ToString();

    /// <param name="settings">Configuration that wins over the defaults set here (e.g. PostgreSQL and Redis for several servers).</param>
    public static async Task<LiveApp> StartAsync(int demoTickets, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "helpdesk-bench-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "helpdesk.db") }.ToString();
        var factory = new Factory(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", cs);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("DemoData:Tickets", demoTickets.ToString(Fmt.C));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
            // Warnings only (a provider rule, so it wins over appsettings.json's categories): the operator's
            // Information level would print a line per command and per request, and its cost is not the fan-out's.
            builder.ConfigureLogging(l => l.ClearProviders().AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(sp => new CommitClock(sp.GetRequiredService<EventStream>()));
                services.AddSingleton<IEventStream>(sp => sp.GetRequiredService<CommitClock>());
                services.AddScoped<CircuitHandler, CircuitCounter>();
            });
        });
        factory.UseKestrel(0);
        try
        {
            await Task.Run(factory.StartServer);
            var address = factory.ClientOptions.BaseAddress;
            var baseUrl = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
            using var http = new HttpClient { BaseAddress = baseUrl };
            var health = await http.GetAsync("health");
            if (!health.IsSuccessStatusCode) throw new InvalidOperationException($"The app on {baseUrl} answered /health with {(int)health.StatusCode}.");
            return new LiveApp(factory, directory, baseUrl);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Caller the app builds for a demo account (as Helpdesk.Tests' AppActors does).</summary>
    public async Task<Caller> CallerAsync(string email)
    {
        await using var db = await Get<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return (await Get<CallerDirectory>().ForUserAsync(id))!;
    }

    /// <summary>
    /// Signs in over HTTP exactly as a browser posts the form (anti-forgery token included, as
    /// Helpdesk.Tests' SignedInClient does) and returns the Cookie header to send with a hub connection.
    /// </summary>
    public async Task<string> SignInCookieAsync(string email, string password = Helpdesk.Core.Data.DemoData.DemoAccounts.Password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
        var page = await http.GetStringAsync("account/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success) throw new InvalidOperationException("No anti-forgery token on /account/login.");
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["_handler"] = "login",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        return cookies.GetCookieHeader(BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _factory.DisposeAsync(); }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException) { }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private sealed class Factory(Action<IWebHostBuilder> configure) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }
}

/// <summary>
/// The app's own event stream, with the Stopwatch timestamp of each event's publication. TicketWriter
/// publishes right after <c>tx.CommitAsync</c> (and before the handler's last read of the row), so
/// this is the moment of commit as precisely as it can be taken from outside Core.
/// </summary>
public sealed class CommitClock(EventStream inner) : IEventStream
{
    private readonly ConcurrentDictionary<long, (long At, TicketEvent Event)> _published = new();

    public long LastSequence => inner.LastSequence;

    public void Publish(IReadOnlyList<TicketEvent> events)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var e in events) _published[e.Sequence] = (now, e);
        inner.Publish(events);
    }

    public IDisposable Subscribe(string name, Func<TicketEvent, CancellationToken, ValueTask> handler) => inner.Subscribe(name, handler);

    /// <summary>Events published after <paramref name="sequence"/>, oldest first.</summary>
    public IReadOnlyList<(long At, TicketEvent Event)> After(long sequence) =>
        [.. _published.Where(p => p.Key > sequence).OrderBy(p => p.Key).Select(p => p.Value)];

    public void Clear() => _published.Clear();
}

/// <summary>Counts Blazor circuits, to check that each opened page really holds one and that it ends.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private static int _open;
    public static int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The baseline: a bare SignalR hub on its own minimal WebApplication and Kestrel port, in this same
/// process (same thread pool, same GC), with the framework's default JSON protocol like the app's.
/// Nothing runs on connect: no authentication, no groups, no database.
/// </summary>
public sealed class RawHubServer : IAsyncDisposable
{
    public const string Path = "/hubs/raw";
    private readonly WebApplication _app;

    private RawHubServer(WebApplication app, string url)
    {
        _app = app;
        HubUrl = url;
    }

    public string HubUrl { get; }
    public IHubContext<RawHub> Hub => _app.Services.GetRequiredService<IHubContext<RawHub>>();

    public static async Task<RawHubServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = System.IO.Path.GetTempPath(), EnvironmentName = "Production", Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<RawHub>(Path);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawHubServer(app, address.TrimEnd('/') + Path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class RawHub : Hub;
