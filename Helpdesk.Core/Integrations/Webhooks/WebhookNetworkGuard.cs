using System.Net;
using System.Net.Sockets;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// Webhooks leave the server for addresses an admin typed: without a guard one could point at an
/// internal service (loopback, the private network, cloud metadata). The check runs when the
/// connection is made, on the address actually dialled, so a name that later resolves elsewhere
/// (DNS rebinding) is caught too. <c>Webhooks:AllowPrivateNetworks</c> lifts it (tests, intranets).
/// </summary>
public static class WebhookNetworkGuard
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)          // link-local, cloud metadata
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
            || b[0] == 0 || b[0] >= 224;             // "this network", multicast, reserved
    }

    /// <summary>A ConnectCallback for SocketsHttpHandler that refuses private addresses unless allowed.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(Func<bool> allowPrivate) =>
        async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = allowPrivate() ? addresses : [.. addresses.Where(a => !IsPrivate(a))];
            if (allowed.Length == 0)
                throw new HttpRequestException($"Refused: {context.DnsEndPoint.Host} is a private or local address (set Webhooks:AllowPrivateNetworks to allow it).");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
