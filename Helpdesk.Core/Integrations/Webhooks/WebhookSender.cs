using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// Sends due deliveries (a few at a time, each with its own timeout) and records every attempt: the
/// status code, the start of the answer or the error, and when to try again (the backoff of
/// <see cref="WebhookOptions"/>). Everything is in the database, so a restart resumes where it was.
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    IHttpClientFactory http,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> log)
{
    public const string ClientName = "Helpdesk.Webhooks";
    public const int BatchSize = 50;
    private const int Parallelism = 8;
    private const int ReadAtMost = 4096;

    /// <summary>Attempts the deliveries due now (at most <see cref="BatchSize"/>); returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Due> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            due = await (from d in db.WebhookDeliveries.AsNoTracking()
                         join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                         where d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && s.IsActive
                         orderby d.NextAttemptAt, d.Id
                         select new Due(d.Id, d.EventSequence, d.EventType, d.Payload, s.Url, s.Secret)).Take(BatchSize).ToListAsync(ct);
        }
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (d, token) => await AttemptAsync(d, token));
        return due.Count;
    }

    /// <summary>When the next pending delivery of an active subscription is due (null when none is pending).</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from d in db.WebhookDeliveries
                      join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                      where d.Status == DeliveryStatus.Pending && s.IsActive
                      select (DateTime?)d.NextAttemptAt).MinAsync(ct);
    }

    /// <summary>Deletes finished deliveries older than <see cref="WebhookOptions.KeepDays"/>.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, options.CurrentValue.KeepDays));
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    private async Task AttemptAsync(Due d, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var body = Encoding.UTF8.GetBytes(d.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(d.Secret, body));
        request.Headers.Add("X-Helpdesk-Event", d.EventType);
        request.Headers.Add("X-Helpdesk-Event-Id", d.EventSequence.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Helpdesk-Delivery", d.Id.ToString(CultureInfo.InvariantCulture));

        int? status = null;
        string? answer = null, error = null;
        var clockTime = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.Timeout);
            using var response = await http.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            answer = await ReadStartAsync(response, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"No answer within {settings.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException ex)
        {
            error = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        }
        var succeeded = status is >= 200 and < 300;
        var ms = (int)clockTime.ElapsedMilliseconds;

        using var _ = await gate.EnterAsync(CancellationToken.None);
        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(x => x.Id == d.Id, CancellationToken.None);
        if (delivery is null) return; // its subscription was deleted meanwhile
        var retryAfter = succeeded ? null : settings.RetryDelay(delivery.Attempts + 1);
        delivery.Attempted(clock.GetUtcNow().UtcDateTime, succeeded, status, answer, error, ms, retryAfter);
        await db.SaveChangesAsync(CancellationToken.None);
        if (!succeeded)
            log.LogWarning("Webhook delivery {Delivery} ({Event} {Sequence}) to {Url} failed: {Reason}; {Next}",
                d.Id, d.EventType, d.EventSequence, d.Url, error ?? $"HTTP {status}",
                retryAfter is { } wait ? $"retrying in {wait.TotalSeconds:0.#} s" : "giving up");
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[ReadAtMost];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private sealed record Due(long Id, long EventSequence, string EventType, string Payload, string Url, string Secret);
}
