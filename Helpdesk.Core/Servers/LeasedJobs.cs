using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Servers;

/// <summary>appsettings.json "Jobs": how background jobs are shared among several app servers.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How long a job's lease lasts without renewal: how soon another server takes over from one that died.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// Give leases back on a graceful stop, so another server takes over at once. Tests turn it off
    /// to stop a server as if it had died.
    /// </summary>
    public bool ReleaseOnStop { get; set; } = true;
}

/// <summary>
/// Runs a background job on exactly one of the app servers sharing the database. Every server
/// asks for the job's lease every third of its length; the one that gets it runs the job and
/// renews the lease at the same pace. When the holder dies, its lease expires and another server
/// takes the job over. A holder that cannot renew (database unreachable) stops its job a third of
/// the lease before expiry, so two servers never run the same job at once. On one server with
/// SQLite this costs one small write every ten seconds per job.
/// </summary>
public sealed class LeasedJobs(JobLeaseStore store, IOptions<JobOptions> options, ILogger<LeasedJobs> log)
{
    private TimeSpan Length => TimeSpan.FromSeconds(Math.Max(0.3, options.Value.LeaseSeconds));

    /// <summary>Runs <paramref name="job"/> whenever this server holds the lease <paramref name="name"/>, until <paramref name="stopping"/>.</summary>
    public async Task RunWhileHeldAsync(string name, Func<CancellationToken, Task> job, CancellationToken stopping)
    {
        name = LeaseName(name);
        var every = Length / 3;
        var waitingSaid = false;
        while (!stopping.IsCancellationRequested)
        {
            long? generation = null;
            try { generation = await TryAcquireAsync(name, stopping); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception ex) { log.LogWarning(ex, "Could not ask for the lease of job {Job}; asking again in {Seconds} s", name, every.TotalSeconds); }

            if (generation is null)
            {
                if (!waitingSaid) log.LogInformation("Another server runs job {Job}; this one takes it over if that server stops renewing its lease", name);
                waitingSaid = true;
                if (!await WaitAsync(every, stopping)) return;
                continue;
            }
            waitingSaid = false;
            log.LogInformation("This server now runs job {Job} (lease generation {Generation})", name, generation);
            if (await HoldAsync(name, job, stopping)) return;
        }
    }

    /// <summary>Runs the job while renewing its lease. True when the job ended or the server stops; false when the lease was lost.</summary>
    private async Task<bool> HoldAsync(string name, Func<CancellationToken, Task> job, CancellationToken stopping)
    {
        var every = Length / 3;
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var running = Task.Run(() => job(held.Token), CancellationToken.None);
        var renewedAt = Stopwatch.GetTimestamp();
        var lost = false;
        while (!lost)
        {
            var tick = Task.Delay(every, stopping);
            await Task.WhenAny(running, tick);
            if (running.IsCompleted || stopping.IsCancellationRequested) break;

            var attempt = Stopwatch.GetTimestamp();
            try
            {
                if (await TryAcquireAsync(name, stopping) is null)
                {
                    log.LogWarning("Another server took over job {Job}; stopping it here", name);
                    lost = true;
                }
                else renewedAt = attempt;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // The lease runs out Length after the last renewal began; stop with a third of it to spare.
                if (Stopwatch.GetElapsedTime(renewedAt) >= Length - every)
                {
                    log.LogError(ex, "Could not renew the lease of job {Job} for {Seconds} s; stopping it here before another server may take it over", name, (int)Stopwatch.GetElapsedTime(renewedAt).TotalSeconds);
                    lost = true;
                }
                else log.LogWarning(ex, "Could not renew the lease of job {Job}; trying again in {Seconds} s", name, every.TotalSeconds);
            }
        }

        await held.CancelAsync();
        try { await running; }
        catch (OperationCanceledException) { }
        catch (Exception ex) { log.LogError(ex, "Job {Job} failed", name); }
        if (lost) return false;

        if (options.Value.ReleaseOnStop)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await store.ReleaseAsync(name, timeout.Token);
                log.LogInformation("Gave back the lease of job {Job}", name);
            }
            catch (Exception ex) { log.LogWarning(ex, "Could not give back the lease of job {Job}; another server takes it over when it expires", name); }
        }
        return true;
    }

    /// <summary>The lease's row name: the job's name, or for a very long one (a mailbox's) its start and a hash, to fit the column.</summary>
    public static string LeaseName(string name)
    {
        if (name.Length <= JobLease.NameMax) return name;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
        return name[..(JobLease.NameMax - 17)] + "~" + hash;
    }

    /// <summary>One attempt, given at most a third of the lease: a hung connection must not outlast it.</summary>
    private async Task<long?> TryAcquireAsync(string name, CancellationToken stopping)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(Length / 3);
        return await store.TryAcquireAsync(name, Length, attempt.Token);
    }

    private static async Task<bool> WaitAsync(TimeSpan wait, CancellationToken stopping)
    {
        try { await Task.Delay(wait, stopping); return true; }
        catch (OperationCanceledException) { return false; }
    }
}
