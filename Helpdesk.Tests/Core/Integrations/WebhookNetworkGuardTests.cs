using System.Net;
using System.Net.Sockets;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Integrations.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>A webhook cannot be aimed at the server's own network unless the operator allows it.</summary>
public sealed class WebhookNetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2606:4700::1111", false)]
    public void PrivateAndLocalAddressesAreRecognised(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, WebhookNetworkGuard.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public async Task ADeliveryToLoopbackIsRefusedBeforeAnyConnectionUnlessAllowed()
    {
        using var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)receiver.LocalEndpoint).Port}/hook";

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Client(allowPrivate: false).PostAsync(url, new StringContent("{}")));
        Assert.Contains("Refused", refused.Message);
        Assert.False(receiver.Pending());

        // Allowed: the connection is made (the listener never answers HTTP; the accept is what counts).
        var attempt = Client(allowPrivate: true).PostAsync(url, new StringContent("{}"));
        using var accepted = await receiver.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(accepted.Connected);
        accepted.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => attempt);
    }

    private static HttpClient Client(bool allowPrivate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHelpdeskIntegrations(configuration);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.ClientName);
    }
}
