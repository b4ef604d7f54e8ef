using System.Net;
using Helpdesk.Core.Data;
using Helpdesk.Tests.Support;
using Helpdesk.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Api;

/// <summary>Idempotency-Key on POST /api/v1/tickets: a retried create never makes a second ticket.</summary>
public sealed class IdempotentCreateTests(AppHost app) : IClassFixture<AppHost>
{
    private async Task<object> Body(string subject) => new
    {
        subject, description = "CPU at 100% for 15 minutes.", categoryId = await app.CategoryAsync("Network"), impact = "Organisation", urgency = "BlocksWork",
    };

    private async Task<int> TicketsWithSubjectAsync(string subject)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return await db.Tickets.CountAsync(t => t.Subject == subject);
    }

    [Fact]
    public async Task TheSameKeyTwiceMakesOneTicketAndAnswersTheSameResponse()
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");
        var body = await Body("core-sw-01 CPU alarm");

        var first = await api.PostJsonAsync("api/v1/tickets", body, idempotencyKey: "alarm-4711");
        var retry = await api.PostJsonAsync("api/v1/tickets", body, idempotencyKey: "alarm-4711");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await TicketsWithSubjectAsync("core-sw-01 CPU alarm"));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKeyStillMakeOneTicket()
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");
        var body = await Body("core-sw-02 CPU alarm");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostJsonAsync("api/v1/tickets", body, idempotencyKey: "alarm-4712")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await TicketsWithSubjectAsync("core-sw-02 CPU alarm"));
    }

    [Fact]
    public async Task WithoutAKeyEachPostIsANewTicket()
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");
        var body = await Body("core-sw-03 CPU alarm");

        await api.PostJsonAsync("api/v1/tickets", body);
        await api.PostJsonAsync("api/v1/tickets", body);

        Assert.Equal(2, await TicketsWithSubjectAsync("core-sw-03 CPU alarm"));
    }

    [Fact]
    public async Task AKeyReusedForADifferentRequestIsRefused()
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");
        await api.PostJsonAsync("api/v1/tickets", await Body("core-sw-04 CPU alarm"), idempotencyKey: "alarm-4714");

        var other = await api.PostJsonAsync("api/v1/tickets", await Body("core-sw-05 fan failure"), idempotencyKey: "alarm-4714");

        await other.ProblemAsync(422);
        Assert.Equal(0, await TicketsWithSubjectAsync("core-sw-05 fan failure"));
    }

    [Fact]
    public async Task ARefusedCreateDoesNotUseUpItsKey()
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");

        var invalid = await api.PostJsonAsync("api/v1/tickets", new { subject = "core-sw-06", description = "" }, idempotencyKey: "alarm-4716");
        var corrected = await api.PostJsonAsync("api/v1/tickets", await Body("core-sw-06"), idempotencyKey: "alarm-4716");

        await invalid.ProblemAsync(400);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task KeysBelongToTheirOwner()
    {
        using var ines = await app.ApiAsAsync("ines@helpdesk.test");
        using var admin = await app.ApiAsAsync("admin@helpdesk.test");
        var body = await Body("core-sw-07 CPU alarm");

        var a = await ines.PostJsonAsync("api/v1/tickets", body, idempotencyKey: "shared-key");
        var b = await admin.PostJsonAsync("api/v1/tickets", body, idempotencyKey: "shared-key");

        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
        Assert.Equal(2, await TicketsWithSubjectAsync("core-sw-07 CPU alarm"));
    }

    [Fact]
    public async Task AnOverlongKeyIsAValidationProblem()
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");

        var response = await api.PostJsonAsync("api/v1/tickets", await Body("x"), idempotencyKey: new string('k', 300));

        Assert.Contains(TicketsApi.IdempotencyKeyHeader, (await response.ProblemAsync(400)).Errors().Keys);
    }
}
