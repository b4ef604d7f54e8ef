using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Helpdesk.Tests.Support.Smtp;

/// <summary>
/// A real SMTP server on loopback (aiosmtpd, run by Debian's /usr/bin/python3) that saves every
/// message it accepts. Stop and start it again on the same port to play a mail server outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Support", "Smtp", "smtp_sink.py");

    private Process? _process;

    private SmtpSink(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    /// <summary>Where the accepted messages are saved (.eml, with a .rcpt beside each).</summary>
    public string Folder { get; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A sink on a free port, not started yet (the port is refused until <see cref="StartAsync"/>).</summary>
    public static SmtpSink OnFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var folder = Path.Combine(Path.GetTempPath(), "helpdesk-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SmtpSink(port, folder);
    }

    /// <summary>Starts the server and returns once it has said it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: install Debian's python3-aiosmtpd (scripts/test.sh does).");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Folder);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        _process = process;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
                throw new InvalidOperationException("The SMTP sink stopped before it was ready: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            if (line.StartsWith("READY ", StringComparison.Ordinal)) break;
        }
        _ = process.StandardError.ReadToEndAsync(); // keep the pipe drained
    }

    /// <summary>Stops the server (SIGTERM) and waits until it has exited: its port then refuses connections.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited)
        {
            SendTerm(process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
    }

    /// <summary>The messages accepted so far, oldest first.</summary>
    public IReadOnlyList<Received> Messages() =>
        [.. new DirectoryInfo(Folder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name)
            .Select(f =>
            {
                var envelope = File.ReadAllLines(Path.ChangeExtension(f.FullName, ".rcpt"));
                return new Received(MimeMessage.Load(f.FullName), envelope[0], [.. envelope.Skip(1).Where(l => l.Length > 0)]);
            })];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    private static void SendTerm(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill?.WaitForExit();
    }

    /// <summary>One accepted message with its envelope.</summary>
    public sealed record Received(MimeMessage Message, string MailFrom, IReadOnlyList<string> RcptTo);
}
