using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Api;

/// <summary>
/// A tiny real HTTP server on a free loopback port that receives webhooks: records each request
/// (raw body bytes and headers) and answers with what <see cref="Respond"/> decides.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Received> _inbox = Channel.CreateUnbounded<Received>();
    private readonly List<Received> _all = [];
    private int _count;

    public sealed record Received(int Index, byte[] Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    /// <summary>Given the 1-based index of the request, the status code to answer (and may wait first).</summary>
    public Func<int, Task<int>> Respond { get; set; } = _ => Task.FromResult(StatusCodes.Status200OK);

    private LoopbackReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/helpdesk", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var index = Interlocked.Increment(ref _count);
            var received = new Received(index, buffer.ToArray(), http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            lock (_all) _all.Add(received);
            _inbox.Writer.TryWrite(received);
            http.Response.StatusCode = await Respond(index);
            await http.Response.WriteAsync(http.Response.StatusCode < 300 ? "ok" : "receiver is down");
        });
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> All
    {
        get { lock (_all) return [.. _all]; }
    }

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var receiver = new LoopbackReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address.TrimEnd('/') + "/hooks/helpdesk";
        return receiver;
    }

    /// <summary>The next request, or a timeout.</summary>
    public async Task<Received> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try { return await _inbox.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"No webhook request arrived within {(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds} s."); }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
