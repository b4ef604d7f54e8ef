using Helpdesk.Core.Servers;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Core.Servers;

/// <summary>
/// Job leases between two servers on one database (SQLite here, PostgreSQL in the second pass):
/// one holder at a time, renewal, takeover after expiry, hand-over on a graceful stop, and a job
/// that runs on exactly one server even while the holder dies.
/// </summary>
public sealed class JobLeaseTests
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheFirstServerGetsAFreeLeaseAndKeepsItWhileTheOtherIsRefused()
    {
        var clock = new FakeClock();
        await using var a = await TestDatabase.CreateAsync(s => s.AddSingleton<TimeProvider>(clock));
        await using var b = TestDatabase.SecondServer(a, s => s.AddSingleton<TimeProvider>(clock));

        Assert.Equal(1, await a.Get<JobLeaseStore>().TryAcquireAsync("mail", Length, default));
        Assert.Null(await b.Get<JobLeaseStore>().TryAcquireAsync("mail", Length, default));

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await a.Get<JobLeaseStore>().TryAcquireAsync("mail", Length, default));
        clock.Advance(TimeSpan.FromSeconds(20)); // 40 s after taking it, 20 s after renewing it
        Assert.Null(await b.Get<JobLeaseStore>().TryAcquireAsync("mail", Length, default));

        var lease = Assert.Single(await a.Get<JobLeaseStore>().AllAsync(default));
        Assert.Equal(a.Get<ServerInstance>().Id, lease.Holder);
        Assert.Equal(clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(10), lease.ExpiresAt);
    }

    [Fact]
    public async Task AnExpiredLeaseIsTakenOverWithTheNextGenerationAndTheOldHolderIsRefused()
    {
        var clock = new FakeClock();
        await using var a = await TestDatabase.CreateAsync(s => s.AddSingleton<TimeProvider>(clock));
        await using var b = TestDatabase.SecondServer(a, s => s.AddSingleton<TimeProvider>(clock));
        await a.Get<JobLeaseStore>().TryAcquireAsync("sla", Length, default);

        clock.Advance(Length);

        Assert.Equal(2, await b.Get<JobLeaseStore>().TryAcquireAsync("sla", Length, default));
        Assert.Null(await a.Get<JobLeaseStore>().TryAcquireAsync("sla", Length, default));
        Assert.Equal(b.Get<ServerInstance>().Id, Assert.Single(await a.Get<JobLeaseStore>().AllAsync(default)).Holder);
    }

    [Fact]
    public async Task AGivenBackLeaseIsFreeAtOnceAndOnlyItsHolderCanGiveItBack()
    {
        var clock = new FakeClock();
        await using var a = await TestDatabase.CreateAsync(s => s.AddSingleton<TimeProvider>(clock));
        await using var b = TestDatabase.SecondServer(a, s => s.AddSingleton<TimeProvider>(clock));
        await a.Get<JobLeaseStore>().TryAcquireAsync("webhooks", Length, default);

        await b.Get<JobLeaseStore>().ReleaseAsync("webhooks", default);
        Assert.Null(await b.Get<JobLeaseStore>().TryAcquireAsync("webhooks", Length, default));

        await a.Get<JobLeaseStore>().ReleaseAsync("webhooks", default);
        Assert.Equal(2, await b.Get<JobLeaseStore>().TryAcquireAsync("webhooks", Length, default));
    }

    [Fact]
    public async Task TwoServersAskingAtTheSameTimeNeverBothGetTheLease()
    {
        await using var a = await TestDatabase.CreateAsync();
        await using var b = TestDatabase.SecondServer(a);
        for (var round = 0; round < 10; round++)
        {
            var name = $"race-{round}";
            var asks = Enumerable.Range(0, 8)
                .Select(i => Task.Run(() => (i % 2 == 0 ? a : b).Get<JobLeaseStore>().TryAcquireAsync(name, Length, default)))
                .ToList();
            var results = await Task.WhenAll(asks);

            var winners = results.Select((g, i) => (g, server: i % 2)).Where(x => x.g is not null).Select(x => x.server).Distinct().ToList();
            Assert.Single(winners);
            Assert.All(results.Where(g => g is not null), g => Assert.Equal(1, g));
        }
    }

    [Fact]
    public async Task AJobWithAVeryLongNameStillGetsItsOwnLease()
    {
        await using var a = await TestDatabase.CreateAsync();
        var first = LeasedJobs.LeaseName("mailbox:" + new string('s', 300) + "1");
        var second = LeasedJobs.LeaseName("mailbox:" + new string('s', 300) + "2");

        Assert.NotEqual(first, second);
        Assert.True(first.Length <= JobLease.NameMax);
        Assert.Equal(1, await a.Get<JobLeaseStore>().TryAcquireAsync(first, Length, default));
        Assert.Equal(1, await a.Get<JobLeaseStore>().TryAcquireAsync(second, Length, default));
        Assert.Equal("sla", LeasedJobs.LeaseName("sla"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AJobRunsOnOneServerAtATimeAndMovesWhenItsServerStops(bool graceful)
    {
        var settings = new Dictionary<string, string?> { ["Jobs:LeaseSeconds"] = "5", ["Jobs:ReleaseOnStop"] = graceful.ToString() };
        await using var a = await TestDatabase.CreateAsync(settings: settings);
        await using var b = TestDatabase.SecondServer(a, s => s.Configure<JobOptions>(o => o.LeaseSeconds = 5));
        var job = new CountingJob();

        using var stopA = new CancellationTokenSource();
        var runA = a.Get<LeasedJobs>().RunWhileHeldAsync("demo", ct => job.RunAsync("A", ct), stopA.Token);
        await Eventually.TrueAsync(() => job.Runs.Contains("A"), "A runs the job");
        using var stopB = new CancellationTokenSource();
        var runB = b.Get<LeasedJobs>().RunWhileHeldAsync("demo", ct => job.RunAsync("B", ct), stopB.Token);
        // B keeps asking (every 5/3 s) while A renews (at the same pace): after A's renewals, B still waits.
        // (5 s leases leave room for a loaded machine: A would have to stall for 3 s to lose its lease.)
        var held = Assert.Single(await a.Get<JobLeaseStore>().AllAsync(default));
        await Eventually.TrueAsync(async () => (await a.Get<JobLeaseStore>().AllAsync(default))[0].ExpiresAt >= held.ExpiresAt.AddSeconds(3), "A renews its lease");
        Assert.DoesNotContain("B", job.Runs);

        var running = Assert.Single(await a.Get<JobLeaseStore>().AllAsync(default));
        await stopA.CancelAsync(); // the server stops; without the release it is as if it had died
        await runA;
        var left = Assert.Single(await a.Get<JobLeaseStore>().AllAsync(default));
        Assert.Equal(a.Get<ServerInstance>().Id, left.Holder);
        await Eventually.TrueAsync(() => job.Runs.Contains("B"), "B takes the job over");

        var taken = Assert.Single(await b.Get<JobLeaseStore>().AllAsync(default));
        Assert.Equal(b.Get<ServerInstance>().Id, taken.Holder);
        Assert.Equal(left.Generation + 1, taken.Generation);
        // Given back: B took it before A's lease would have run out. Left behind: only after it ran out.
        if (graceful) Assert.True(left.ExpiresAt <= taken.AcquiredAt && taken.AcquiredAt < running.ExpiresAt, $"B took the lease at {taken.AcquiredAt:O}; A's ran until {running.ExpiresAt:O}");
        else Assert.True(taken.AcquiredAt >= left.ExpiresAt, $"B took the lease at {taken.AcquiredAt:O}, before A's ran out at {left.ExpiresAt:O}");
        Assert.Equal(1, job.MostAtOnce);

        await stopB.CancelAsync();
        await runB;
    }

    /// <summary>A job that records who ran it and how many ran at once.</summary>
    private sealed class CountingJob
    {
        private int _running;
        public int MostAtOnce;
        public readonly System.Collections.Concurrent.ConcurrentBag<string> Runs = [];

        public async Task RunAsync(string server, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref _running);
            lock (Runs) MostAtOnce = Math.Max(MostAtOnce, now);
            Runs.Add(server);
            try { await Task.Delay(Timeout.Infinite, ct); }
            finally { Interlocked.Decrement(ref _running); }
        }
    }
}
