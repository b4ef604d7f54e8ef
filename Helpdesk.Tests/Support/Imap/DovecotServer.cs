using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace Helpdesk.Tests.Support.Imap;

/// <summary>
/// A real IMAP server on loopback: Debian's Dovecot as a child process with a throw-away
/// configuration and one mailbox (user <see cref="User"/>). Tests put mail in with APPEND, as a
/// mail server delivering would, and read back the flags the app set.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string User = "support";
    public const string Password = "secret";

    private readonly string _dir;
    private Process? _process;

    private DovecotServer(int port, string dir)
    {
        Port = port;
        _dir = dir;
    }

    public int Port { get; }

    public static async Task<DovecotServer> StartAsync()
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: install Debian's dovecot-imapd (scripts/test.sh does).");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        // Short (socket paths are limited to 107 bytes) and enterable by Dovecot's unprivileged processes.
        var dir = Path.Combine("/tmp", "hd-imap-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(dir, "mail", User));
        Directory.CreateDirectory(Path.Combine(dir, "run"));
        Directory.CreateDirectory(Path.Combine(dir, "state"));
        await File.WriteAllTextAsync(Path.Combine(dir, "users"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "dovecot.conf"), Config(dir, port));
        var server = new DovecotServer(port, dir);
        if (OperatingSystem.IsLinux() && Environment.UserName == "root")
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            await RunAsync("chown", "-R", "nobody:nogroup", Path.Combine(dir, "mail"));
        }
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-F", "-c", Path.Combine(dir, "dovecot.conf") }) start.ArgumentList.Add(a);
        server._process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Dovecot.");
        await server.WaitForGreetingAsync();
        return server;
    }

    public ImapClient Connect()
    {
        var client = new ImapClient { Timeout = 15_000 };
        client.Connect("127.0.0.1", Port, SecureSocketOptions.None);
        client.Authenticate(User, Password);
        return client;
    }

    /// <summary>
    /// Delivers a raw message into INBOX the way a local delivery agent does: a file in the Maildir's
    /// new/ folder, bytes as given, so a malformed message reaches the app as malformed as it was sent.
    /// </summary>
    public async Task DeliverAsync(string raw)
    {
        var folder = Path.Combine(_dir, "mail", User);
        foreach (var sub in new[] { "new", "cur", "tmp" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        var name = $"{DateTime.UtcNow.Ticks}.{Guid.NewGuid():N}.test";
        var tmp = Path.Combine(folder, "tmp", name);
        await File.WriteAllTextAsync(tmp, raw.Replace("\r\n", "\n"));
        if (Environment.UserName == "root") await RunAsync("chown", "-R", "nobody:nogroup", folder);
        File.Move(tmp, Path.Combine(folder, "new", name));
    }

    /// <summary>How many messages carry the keyword (the app's "taken in" mark).</summary>
    public async Task<int> CountWithKeywordAsync(string keyword)
    {
        using var client = Connect();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = (await client.Inbox.SearchAsync(SearchQuery.HasKeyword(keyword))).Count;
        await client.DisconnectAsync(true);
        return count;
    }

    private async Task WaitForGreetingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                using var reader = new StreamReader(tcp.GetStream());
                var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
                if (line?.StartsWith("* OK", StringComparison.Ordinal) == true) return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException) { }
            if (_process!.HasExited)
                throw new InvalidOperationException("Dovecot stopped: " + await _process.StandardError.ReadToEndAsync() + Log());
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Dovecot did not greet within 20 s." + Log());
            await Task.Delay(50);
        }
    }

    private string Log()
    {
        var path = Path.Combine(_dir, "dovecot.log");
        return File.Exists(path) ? "\n" + File.ReadAllText(path) : "";
    }

    private static string Config(string dir, int port) => $$"""
        protocols = imap
        listen = 127.0.0.1
        base_dir = {{dir}}/run
        state_dir = {{dir}}/state
        instance_name = dovecot-test-{{port}}
        log_path = {{dir}}/dovecot.log
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        auth_failure_delay = 0
        mail_location = maildir:{{dir}}/mail/%u
        passdb {
          driver = passwd-file
          args = scheme=PLAIN {{dir}}/users
        }
        userdb {
          driver = static
          args = uid=nobody gid=nogroup home={{dir}}/mail/%u
        }
        service anvil {
          unix_listener anvil-auth-penalty {
            mode = 0
          }
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{port}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        """;

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        await p.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(false); // SIGTERM
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(7));
            try { await p.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { p.Kill(true); }
        }
        _process?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
