using System.Net;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Servers;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// Two app servers on one PostgreSQL: background work runs on exactly one of them and moves to the
/// other when its server dies; a sign-in made on one server is good on the other.
/// </summary>
public sealed class JobsAcrossServersTests : TwoServersTest
{
    private readonly SmtpSink _smtp = SmtpSink.OnFreePort();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Delivery"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        // Only a wake-up can bring mail queued on the other server out within the test's wait.
        ["Mail:PollSeconds"] = "60",
        ["Jobs:LeaseSeconds"] = "5",
        // A stopped server then leaves its leases behind, as a server that died does.
        ["Jobs:ReleaseOnStop"] = "false",
    };

    public override async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task MailIsSentByOneServerAndByTheOtherOnceThatOneDiesEachMessageOnce()
    {
        var (a, b) = (A, B);
        var mail = await LeaseAsync(b, "mail");
        // Whichever server took the mail job first (A, unless B beat it to it).
        var holder = mail.Holder == Id(a) ? a : b;
        var other = holder == a ? b : a;
        Assert.Equal(Id(holder), mail.Holder);

        // Queued on the server that does not send: the holder sends it.
        await other.Services.GetRequiredService<MailOutbox>().QueueAsync(Draft("first", "HD-2001 received"));
        await Eventually.TrueAsync(() => Task.FromResult(_smtp.Messages().Count == 1), "the first message arrives");

        // The holder dies: its lease is left to expire.
        var left = await LeaseAsync(other, "mail");
        await holder.StopAsync();
        await other.Services.GetRequiredService<MailOutbox>().QueueAsync(Draft("second", "HD-2002 received"));
        await Eventually.TrueAsync(() => Task.FromResult(_smtp.Messages().Count == 2), "the second message arrives once the survivor takes the mail job over");

        var taken = await LeaseAsync(other, "mail");
        Assert.Equal(Id(other), taken.Holder);
        Assert.True(taken.Generation > mail.Generation);
        Assert.True(taken.AcquiredAt >= left.ExpiresAt, $"Taken over at {taken.AcquiredAt:O}, while the dead server's lease ran until {left.ExpiresAt:O}");
        Assert.Equal(["HD-2001 received", "HD-2002 received"], _smtp.Messages().Select(m => m.Message.Subject).Order());
        await using var db = await other.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        Assert.All(await db.OutgoingMail.ToListAsync(), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task EveryJobHasOneHolderAndASignInOnOneServerWorksOnTheOther()
    {
        var leases = await A.Services.GetRequiredService<JobLeaseStore>().AllAsync(default);
        Assert.Superset(new HashSet<string> { "sla", "escalation", "mail", "webhooks", "notifications", "auto-close", "archive" }, leases.Select(l => l.Name).ToHashSet());
        Assert.All(leases, l => Assert.Contains(l.Holder, new[] { Id(A), Id(B) }));

        using var onA = await SignedInClient.SignInAsync(A, "dana@helpdesk.test");
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = Carry(onA.Cookies, A, B), AllowAutoRedirect = false })
        {
            BaseAddress = B.BaseUrl,
        };
        using var home = await onB.GetAsync("/");
        using var stranger = SignedInClient.Anonymous(B);
        using var refused = await stranger.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("My teams", SignedInClient.Text(await home.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await using var db = await B.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task AnAdminSeesWhichServerRunsEachJobFromEitherServer()
    {
        var mail = await LeaseAsync(A, "mail");
        using var admin = await SignedInClient.SignInAsync(B, "admin@helpdesk.test");

        var page = SignedInClient.Text(await admin.Http.GetStringAsync("/admin/servers"));

        Assert.Contains($"This page is served by {Id(B)}.", page);
        Assert.Contains($"Sending e-mail {mail.Holder}", page);
        Assert.Contains("SLA timers", page);
        using var agent = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        Assert.DoesNotContain("Sending e-mail", SignedInClient.Text(await (await agent.Http.GetAsync("/admin/servers")).Content.ReadAsStringAsync()));
    }

    private static string Id(AppHost app) => app.Services.GetRequiredService<ServerInstance>().Id;

    private static async Task<JobLease> LeaseAsync(AppHost app, string name)
    {
        JobLease? lease = null;
        await Eventually.TrueAsync(async () =>
            (lease = (await app.Services.GetRequiredService<JobLeaseStore>().AllAsync(default)).SingleOrDefault(l => l.Name == name)) is not null,
            $"someone holds the {name} lease");
        return lease!;
    }

    private static MailDraft Draft(string key, string subject) =>
        new([new MailRecipient("alice@example.test", "Alice Martin")], subject, "Plain text.", SanitizedHtml.Empty, DedupeKey: key);

    /// <summary>The cookies a browser signed in on <paramref name="from"/> would send to <paramref name="to"/> behind one load balancer.</summary>
    private static CookieContainer Carry(CookieContainer cookies, AppHost from, AppHost to)
    {
        var carried = new CookieContainer();
        foreach (Cookie c in cookies.GetCookies(from.BaseUrl)) carried.Add(to.BaseUrl, new Cookie(c.Name, c.Value));
        return carried;
    }
}
