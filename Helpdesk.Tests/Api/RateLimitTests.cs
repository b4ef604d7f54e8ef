using System.Net;
using Helpdesk.Tests.Support;

namespace Helpdesk.Tests.Api;

/// <summary>Each token has its own budget of requests per minute ("Api:RequestsPerMinute"); past it, 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task ATokenOverItsLimitGets429WithRetryAfterWhileAnotherTokenGoesOn()
    {
        await using var app = await AppHost.StartAsync(demoTickets: 5, settings: new Dictionary<string, string?> { ["Api:RequestsPerMinute"] = "3" });
        using var busy = await app.ApiAsAsync("dana@helpdesk.test");
        using var calm = await app.ApiAsAsync("sam@helpdesk.test");

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("api/v1/categories")).StatusCode);
        var refused = await busy.GetAsync("api/v1/categories");

        var problem = await refused.ProblemAsync(429);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains("try again", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("api/v1/categories")).StatusCode);
    }
}
