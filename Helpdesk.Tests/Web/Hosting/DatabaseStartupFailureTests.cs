using System.Diagnostics;
using System.Text;
using Helpdesk.Tests.Support;

namespace Helpdesk.Tests.Web.Hosting;

/// <summary>
/// When the configured database cannot be opened, the built app (run as an operator would:
/// <c>dotnet Helpdesk.Web.dll</c>, Production environment) refuses to start, says why in one line
/// and exits non-zero, without a stack trace.
/// </summary>
public sealed class DatabaseStartupFailureTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly string _temp = Directory.CreateTempSubdirectory("helpdesk-badb-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task The_app_does_not_start_when_the_database_folder_is_a_file()
    {
        var blocker = Path.Combine(_temp, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "this is a file, not a directory");

        var run = await RunAppAsync($"Data Source={Path.Combine(blocker, "helpdesk.db")}");

        AssertRefusedToStart(run);
    }

    [Fact]
    public async Task The_app_does_not_start_when_the_database_path_is_a_directory()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_temp, "a-directory.db")).FullName;

        var run = await RunAppAsync($"Data Source={directory}");

        AssertRefusedToStart(run);
    }

    [Fact]
    public async Task The_in_process_host_reports_an_app_that_did_not_start()
    {
        // Program.cs returns before RunAsync when the database fails; WebApplicationFactory would
        // still hand out a "started" server that serves nothing. AppHost must say so, with the reason.
        var blocker = Path.Combine(_temp, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "this is a file, not a directory");
        var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(blocker, "helpdesk.db")}" };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AppHost.StartAsync(settings: settings));

        Assert.Contains("did not start", failure.Message);
        Assert.Contains("Cannot open or migrate the database", failure.Message);
    }

    private static void AssertRefusedToStart(AppRun run)
    {
        Assert.False(run.TimedOut, $"The app was still running after {ExitTimeout.TotalSeconds} s (killed).\n{run.Output}");
        Assert.True(run.ExitCode != 0, $"The app exited with 0.\n{run.Output}");
        Assert.Contains("Cannot open or migrate the database", run.Output);
        var stackLines = run.Output.Split('\n').Where(l => l.StartsWith("   at ", StringComparison.Ordinal)).ToList();
        Assert.True(stackLines.Count == 0, $"The output has a stack trace:\n{run.Output}");
    }

    private sealed record AppRun(int ExitCode, bool TimedOut, string Output);

    private async Task<AppRun> RunAppAsync(string connectionString)
    {
        var dll = WebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(ExitTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output) return new AppRun(process.ExitCode, timedOut, $"$ dotnet {dll} (Database__ConnectionString={connectionString})\n{output}");
    }

    /// <summary>Helpdesk.Web's own build output (same configuration as these tests), else the copy beside the tests.</summary>
    private static string WebDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        string[] candidates =
        [
            Path.Combine(TestPaths.RepoRoot, "Helpdesk.Web", "bin", configuration, framework, "Helpdesk.Web.dll"),
            Path.Combine(AppContext.BaseDirectory, "Helpdesk.Web.dll"),
        ];
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("Helpdesk.Web.dll (with its runtimeconfig.json) not found: " + string.Join(", ", candidates));
    }
}
