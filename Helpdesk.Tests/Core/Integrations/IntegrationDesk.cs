using System.Net;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>
/// A small desk on its own database file, per test (webhook state is global: subscriptions, the
/// cursor), on a clock the test moves, with the webhook HTTP client answered by <see cref="Receiver"/>.
/// </summary>
public sealed class IntegrationDesk : IAsyncDisposable
{
    private IntegrationDesk(TestDatabase db, Desk desk, FakeClock clock, FakeReceiver receiver)
    {
        Db = db;
        Desk = desk;
        Clock = clock;
        Receiver = receiver;
    }

    public TestDatabase Db { get; }
    public Desk Desk { get; }
    public FakeClock Clock { get; }
    public FakeReceiver Receiver { get; }

    public static async Task<IntegrationDesk> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeClock();
        var receiver = new FakeReceiver();
        var db = await TestDatabase.CreateAsync(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => receiver);
        }, settings);
        return new IntegrationDesk(db, await Desk.CreateAsync(db), clock, receiver);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>Stands in for a webhook receiver: records each request and answers what the test says (200 by default).</summary>
public sealed class FakeReceiver : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<(HttpRequestMessage Request, string Body)> _received = [];

    public Func<HttpRequestMessage, Task<HttpResponseMessage>> Answer { get; set; } =
        _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("thanks") });

    public IReadOnlyList<(HttpRequestMessage Request, string Body)> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        lock (_gate) _received.Add((request, body));
        return await Answer(request).WaitAsync(cancellationToken);
    }
}
