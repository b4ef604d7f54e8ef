using System.Diagnostics;
using System.Text;

namespace Helpdesk.Bench;

/// <summary>
/// bench/Helpdesk.Bench.Clients in a second process (hub connections and Chromium contexts live
/// there, so their CPU and memory are not the server's), driven one command line at a time.
/// It is built with this project (a ProjectReference that does not reference its assembly).
/// </summary>
public sealed class ClientProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ClientProcess(Process process, long frequency, int pid)
    {
        _process = process;
        Frequency = frequency;
        Pid = pid;
    }

    /// <summary>The client's Stopwatch.Frequency (its timestamps are in these ticks).</summary>
    public long Frequency { get; }
    public int Pid { get; }

    public static string Dll
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var dll = Path.Combine(Paths.RepoRoot, "bench", "Helpdesk.Bench.Clients", "bin", configuration, "net10.0", "Helpdesk.Bench.Clients.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build bench/Helpdesk.Bench (it builds the clients too).");
        }
    }

    public static async Task<ClientProcess> StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [Dll])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        // The clients keep the runtime's defaults (workstation GC), whatever this process runs with.
        info.Environment.Remove("DOTNET_gcServer");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the client process.");
        var ready = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The client process ended before READY.");
        var parts = ready.Split(' ');
        if (parts[0] != "READY") throw new InvalidOperationException($"The client process said: {ready}");
        return new ClientProcess(process, long.Parse(parts[1], Fmt.C), int.Parse(parts[2], Fmt.C));
    }

    /// <summary>Sends one command and returns the words of its "OK ..." answer after "OK".</summary>
    public async Task<string[]> SendAsync(string command, TimeSpan? timeout = null)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var read = _process.StandardOutput.ReadLineAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (await Task.WhenAny(read, Task.Delay(limit)) != read)
            throw new TimeoutException($"The client process did not answer '{Head(command)}' within {limit.TotalSeconds:0} s.");
        var line = await read ?? throw new InvalidOperationException($"The client process ended during '{Head(command)}'.");
        if (!line.StartsWith("OK ", StringComparison.Ordinal)) throw new InvalidOperationException($"Client: {line}");
        return line.Split(' ')[1..];
    }

    private static string Head(string command) => command.Length > 60 ? command[..60] + "…" : command;

    /// <summary>The client's CPU time so far, in ms.</summary>
    public async Task<double> CpuMsAsync() => double.Parse((await SendAsync("CPU"))[1], Fmt.C);

    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) await SendAsync("QUIT", TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or OperationCanceledException or IOException)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
