using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Helpdesk.Tests.Support.Postgres;

/// <summary>
/// A real PostgreSQL 15 for this test process: a temporary cluster (Debian's binaries in
/// /usr/lib/postgresql/15/bin) initialised under /tmp on a free loopback port when first asked for,
/// run as the "postgres" user when the tests run as root (initdb refuses root), stopped and deleted
/// when the process exits. Clusters left behind by a killed run are removed by the next one.
/// Each test asks for its own database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer
{
    private const string Prefix = "helpdesk-pg-";
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);

    private readonly string _folder;
    private readonly int _port;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public static string BinDirectory => Environment.GetEnvironmentVariable("HELPDESK_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    /// <summary>The process's server, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Instance.Value;

    public int Port => _port;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database,
        // Tests make hundreds of databases: idle connections go soon so the server never runs out.
        MaxPoolSize = 40, ConnectionIdleLifetime = 10, IncludeErrorDetail = true,
    }.ToString();

    /// <summary>A new empty database; its name is returned. <paramref name="template"/> copies another one.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{template ?? "template0"}\" ENCODING 'UTF8'";
        await command.ExecuteNonQueryAsync();
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory;
        if (!File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({bin}/initdb is missing): run scripts/test.sh, or apt-get install postgresql-15.");
        RemoveLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null) await RunAsync("chown", null, asUser, folder);
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), asUser, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");

        // Durability is not what these tests are about: no fsync keeps the 2-core machine fast.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                          "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), asUser, "-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start");
                var server = new PostgresServer(folder, port);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asUser);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3) { /* the port was taken meanwhile: another one */ }
        }
    }

    private void Stop(string? asUser)
    {
        try { RunAsync(Path.Combine(BinDirectory, "pg_ctl"), asUser, "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop").Wait(TimeSpan.FromSeconds(20)); }
        catch (Exception) { /* exiting anyway */ }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Clusters of test processes that no longer run (killed, crashed): stop and delete them.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(folder)[Prefix.Length..];
            if (!int.TryParse(name.Split('-')[0], out var pid) || Alive(pid)) continue;
            var postmaster = Path.Combine(folder, "data", "postmaster.pid");
            if (File.Exists(postmaster) && int.TryParse(File.ReadLines(postmaster).FirstOrDefault(), out var serverPid) && Alive(serverPid))
                try { Process.GetProcessById(serverPid).Kill(); } catch (InvalidOperationException) { } catch (ArgumentException) { }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool Alive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string? asUser, params string[] args)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (asUser is not null) { start.ArgumentList.Add("-u"); start.ArgumentList.Add(asUser); start.ArgumentList.Add("--"); start.ArgumentList.Add(program); }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
