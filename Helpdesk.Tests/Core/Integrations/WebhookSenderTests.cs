using System.Net;
using System.Text;
using Helpdesk.Core.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>Sending: signed requests, every attempt recorded, retries on the backoff schedule, then giving up.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private const string Secret = "s3cret-for-the-sender-tests";
    private IntegrationDesk _desk = null!;
    private WebhookSender Sender => _desk.Db.Get<WebhookSender>();

    public async Task InitializeAsync() => _desk = await IntegrationDesk.CreateAsync(new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetryDelaysSeconds"] = "10, 30, 120",
        ["Webhooks:MaxAttempts"] = "5",
        ["Webhooks:TimeoutSeconds"] = "0.5",
    });

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<WebhookDelivery> QueueOneAsync()
    {
        await _desk.Db.Get<WebhookOutbox>().QueueAsync();
        await _desk.Db.Get<WebhookAdmin>().CreateAsync(_desk.Desk.Admin, new WebhookInput("https://hooks.example.test/in", Secret, WebhookEvents.TicketCreated));
        await _desk.Desk.ATicket().About("Fire alarm panel offline");
        await _desk.Db.Get<WebhookOutbox>().QueueAsync();
        return await DeliveryAsync();
    }

    private async Task<WebhookDelivery> DeliveryAsync()
    {
        await using var db = _desk.Db.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ADeliveryIsSignedWithTheSecretAndNamesItsEvent()
    {
        var queued = await QueueOneAsync();

        Assert.Equal(1, await Sender.SendDueAsync());

        var (request, body) = Assert.Single(_desk.Receiver.Received);
        Assert.Equal(queued.Payload, body);
        var signature = request.Headers.GetValues(WebhookSignature.Header).Single();
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))), signature);
        Assert.True(WebhookSignature.Verify(Secret, Encoding.UTF8.GetBytes(body), signature));
        Assert.False(WebhookSignature.Verify("another secret entirely", Encoding.UTF8.GetBytes(body), signature));
        Assert.Equal("ticket.created", request.Headers.GetValues("X-Helpdesk-Event").Single());
        Assert.Equal(queued.EventSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers.GetValues("X-Helpdesk-Event-Id").Single());
        Assert.Equal("application/json", request.Content!.Headers.ContentType?.MediaType);
        var sent = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Succeeded, 1, 200, "thanks"), (sent.Status, sent.Attempts, sent.LastStatusCode, sent.LastResponse));
        Assert.Equal(0, await Sender.SendDueAsync());
    }

    [Fact]
    public async Task FailuresAreRetriedOnTheBackoffScheduleThenGivenUp()
    {
        _desk.Receiver.Answer = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("boom") });
        var queued = await QueueOneAsync();
        var start = _desk.Clock.GetUtcNow().UtcDateTime;
        List<TimeSpan> waits = [];

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(1, await Sender.SendDueAsync());
            var d = await DeliveryAsync();
            Assert.Equal((attempt, 500, "boom"), (d.Attempts, d.LastStatusCode, d.LastResponse));
            if (d.Status == DeliveryStatus.Failed) break;
            var wait = d.NextAttemptAt - _desk.Clock.GetUtcNow().UtcDateTime;
            waits.Add(wait);
            _desk.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await Sender.SendDueAsync()); // not due yet
            _desk.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([10, 30, 120, 120], waits.Select(w => w.TotalSeconds));
        var final = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Failed, 5), (final.Status, final.Attempts));
        Assert.Equal(5, _desk.Receiver.Received.Count);
        Assert.True(_desk.Clock.GetUtcNow().UtcDateTime - start == TimeSpan.FromSeconds(280));
        Assert.Equal(queued.Id, final.Id);
    }

    [Fact]
    public async Task AnAdminRetryOfAFailedDeliveryTriesOnceMore()
    {
        _desk.Receiver.Answer = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway));
        await QueueOneAsync();
        for (var i = 0; i < 5; i++)
        {
            await Sender.SendDueAsync();
            _desk.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync()).Status);
        _desk.Receiver.Answer = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted));

        Assert.True(await _desk.Db.Get<WebhookAdmin>().RetryAsync(_desk.Desk.Admin, (await DeliveryAsync()).Id));
        Assert.Equal(1, await Sender.SendDueAsync());

        var retried = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Succeeded, 6, 202), (retried.Status, retried.Attempts, retried.LastStatusCode));
        Assert.False(await _desk.Db.Get<WebhookAdmin>().RetryAsync(_desk.Desk.Admin, retried.Id));
    }

    [Fact]
    public async Task ASlowReceiverCountsAsAFailedAttemptAfterTheTimeout()
    {
        _desk.Receiver.Answer = async _ =>
        {
            await Task.Delay(Timeout.Infinite);
            return new HttpResponseMessage(HttpStatusCode.OK);
        };
        await QueueOneAsync();

        Assert.Equal(1, await Sender.SendDueAsync());

        var d = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1, (int?)null), (d.Status, d.Attempts, d.LastStatusCode));
        Assert.Contains("No answer within 0.5 s", d.LastError);
    }

    [Fact]
    public async Task AnUnreachableReceiverIsRecordedWithItsError()
    {
        _desk.Receiver.Answer = _ => throw new HttpRequestException("Connection refused (hooks.example.test:443)");
        await QueueOneAsync();

        await Sender.SendDueAsync();

        Assert.Contains("Connection refused", (await DeliveryAsync()).LastError);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 30)]
    [InlineData(3, 120)]
    [InlineData(4, 120)]
    public void TheScheduleRepeatsItsLastDelay(int failedAttempts, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new WebhookOptions { RetryDelaysSeconds = "10, 30, 120", MaxAttempts = 5 }.RetryDelay(failedAttempts));

    [Fact]
    public void TheDefaultsAreTheDocumentedOnes()
    {
        var defaults = new WebhookOptions();
        Assert.Equal([10, 30, 120, 600, 1800, 3600, 7200], defaults.Delays.Select(d => d.TotalSeconds));
        Assert.Null(defaults.RetryDelay(defaults.MaxAttempts));
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.Timeout);
    }
}
