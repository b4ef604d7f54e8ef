using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Helpdesk.Core.Data;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Tests.Support;
using Helpdesk.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Api;

/// <summary>
/// End to end: a ticket made through the API reaches a real receiver on loopback, signed, through
/// the app's own background worker; a failure is retried. Retry delays are made short here.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookDeliveryTests.FastWebhooksApp app) : IClassFixture<WebhookDeliveryTests.FastWebhooksApp>
{
    public sealed class FastWebhooksApp() : AppHost(10, new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetryDelaysSeconds"] = "0.2, 0.4",
        ["Webhooks:PollSeconds"] = "1",
        ["Webhooks:TimeoutSeconds"] = "5",
    });

    private const string Secret = "whsec_test_0123456789abcdef";

    private async Task<int> SubscribeAsync(string url, WebhookEvents events = WebhookEvents.TicketCreated)
    {
        var admin = await app.CallerAsync("admin@helpdesk.test");
        var created = await app.Services.GetRequiredService<WebhookAdmin>().CreateAsync(admin, new WebhookInput(url, Secret, events));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    private async Task<TicketResource> CreateTicketAsync(string subject)
    {
        using var api = await app.ApiAsAsync("ines@helpdesk.test");
        var response = await api.PostJsonAsync("api/v1/tickets", new
        {
            subject, description = "From the monitoring system.", categoryId = await app.CategoryAsync("Network"), impact = "Organisation", urgency = "BlocksWork",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<TicketResource>();
    }

    private async Task<WebhookDelivery> DeliveryAsync(int subscriptionId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.SubscriptionId == subscriptionId);
    }

    [Fact]
    public async Task ANewTicketReachesALoopbackReceiverWithAValidSignature()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await SubscribeAsync(receiver.Url);

        var ticket = await CreateTicketAsync("core-rtr-01 down");

        var request = await receiver.NextAsync();
        Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Headers[WebhookSignature.Header]), "the signature must verify with the secret");
        Assert.Equal("ticket.created", request.Headers["X-Helpdesk-Event"]);
        var payload = JsonSerializer.Deserialize<WebhookPayload>(request.Body, IntegrationJson.Options)!;
        Assert.Equal(request.Headers["X-Helpdesk-Event-Id"], payload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("ticket.created", ticket.Number, ticket.DisplayNumber, Helpdesk.Core.Tickets.Priority.P1, "Ines Infra"),
            (payload.Type, payload.Ticket.Number, payload.Ticket.DisplayNumber, payload.Ticket.Priority, payload.Actor?.Name));
        Assert.StartsWith("Helpdesk-Webhooks/", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedUntilTheReceiverAcceptsIt()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = attempt => Task.FromResult(attempt == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
        var subscription = await SubscribeAsync(receiver.Url);

        await CreateTicketAsync("core-rtr-02 flapping");

        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers["X-Helpdesk-Event-Id"], second.Headers["X-Helpdesk-Event-Id"]);
        var delivery = await WaitForAsync(subscription, d => d.Status == DeliveryStatus.Succeeded);
        Assert.Equal((2, 200, "ok"), (delivery.Attempts, delivery.LastStatusCode, delivery.LastResponse));
    }

    [Fact]
    public async Task ASlowReceiverNeverHoldsUpTicketOperations()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = async _ =>
        {
            await release.Task;
            return StatusCodes.Status200OK;
        };
        var subscription = await SubscribeAsync(receiver.Url);

        // The receiver answers nothing until the creates are done: if they waited for delivery, this would hang.
        var watch = Stopwatch.StartNew();
        var first = await CreateTicketAsync("core-rtr-03 slow receiver");
        await receiver.NextAsync();
        var second = await CreateTicketAsync("core-rtr-04 while the receiver hangs");
        watch.Stop();
        release.SetResult();

        Assert.NotEqual(first.Number, second.Number);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"creating took {watch.Elapsed.TotalSeconds:0.0} s");
        await WaitForAsync(subscription, d => d.Status == DeliveryStatus.Succeeded && d.TicketNumber == first.Number);
    }

    private async Task<WebhookDelivery> WaitForAsync(int subscriptionId, Func<WebhookDelivery, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
            {
                var found = (await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId).ToListAsync()).FirstOrDefault(condition);
                if (found is not null) return found;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The delivery did not reach the expected state within 15 s.");
            await Task.Delay(50); // polling a condition, with the deadline above
        }
    }
}
