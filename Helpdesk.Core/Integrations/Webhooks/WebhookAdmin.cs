using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>What an admin types to register or change a webhook.</summary>
public sealed record WebhookInput(string? Url, string? Secret, WebhookEvents Events, string? Description = null, bool IsActive = true);

public sealed record WebhookInfo(int Id, string Url, WebhookEvents Events, string? Description, bool IsActive, DateTime CreatedAt,
    int Pending, int Failed, DateTime? LastDeliveryAt, bool? LastSucceeded);

public sealed record DeliveryInfo(long Id, int SubscriptionId, string Url, long EventSequence, string EventType, int TicketNumber,
    DeliveryStatus Status, int Attempts, DateTime CreatedAt, DateTime? LastAttemptAt, DateTime NextAttemptAt,
    int? LastStatusCode, string? LastResponse, string? LastError, int? LastDurationMs);

/// <summary>The admin page's side: register, change, remove webhooks; see recent deliveries; retry one. Admins only.</summary>
public sealed class WebhookAdmin(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, WebhookSignal signal, TimeProvider clock, IStringLocalizer<Messages> localizer)
{
    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).Select(s => new WebhookInfo(
            s.Id, s.Url, s.Events, s.Description, s.IsActive, s.CreatedAt,
            db.WebhookDeliveries.Count(d => d.SubscriptionId == s.Id && d.Status == DeliveryStatus.Pending),
            db.WebhookDeliveries.Count(d => d.SubscriptionId == s.Id && d.Status == DeliveryStatus.Failed),
            db.WebhookDeliveries.Where(d => d.SubscriptionId == s.Id && d.LastAttemptAt != null).Max(d => d.LastAttemptAt),
            db.WebhookDeliveries.Where(d => d.SubscriptionId == s.Id && d.LastAttemptAt != null).OrderByDescending(d => d.LastAttemptAt)
                .Select(d => (bool?)(d.Status == DeliveryStatus.Succeeded)).FirstOrDefault())).ToListAsync(ct);
    }

    /// <summary>The secret, for an admin who edits the webhook (it is never listed).</summary>
    public async Task<string?> SecretAsync(Caller caller, int id, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.WebhookSubscriptions.Where(s => s.Id == id).Select(s => s.Secret).SingleOrDefaultAsync(ct);
    }

    public async Task<Result<int>> CreateAsync(Caller caller, WebhookInput input, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return Forbidden();
        if (Validate(input) is { } invalid) return invalid;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Inside the gate no event is half-written: everything up to here is "before" this webhook.
        var last = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var subscription = new WebhookSubscription(input.Url!.Trim(), input.Secret!.Trim(), input.Events, Blank(input.Description), last,
            clock.GetUtcNow().UtcDateTime, caller.ActorId) { IsActive = input.IsActive };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return subscription.Id;
    }

    public async Task<Result<int>> UpdateAsync(Caller caller, int id, WebhookInput input, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return Forbidden();
        if (Validate(input) is { } invalid) return invalid;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var s = await db.WebhookSubscriptions.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return CommandError.NotFound(localizer["This webhook no longer exists."]);
        s.Url = input.Url!.Trim();
        s.Secret = input.Secret!.Trim();
        s.Events = input.Events;
        s.Description = Blank(input.Description);
        s.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);
        signal.NotifyEverywhere();
        return s.Id;
    }

    /// <summary>Removes the webhook and its deliveries.</summary>
    public async Task<bool> DeleteAsync(Caller caller, int id, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return false;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>The newest deliveries first (of one webhook, or of all).</summary>
    public async Task<IReadOnlyList<DeliveryInfo>> RecentDeliveriesAsync(Caller caller, int? subscriptionId = null, int take = 50, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        if (subscriptionId is { } sid) deliveries = deliveries.Where(d => d.SubscriptionId == sid);
        return await (from d in deliveries
                      join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                      orderby d.Id descending
                      select new DeliveryInfo(d.Id, d.SubscriptionId, s.Url, d.EventSequence, d.EventType, d.TicketNumber, d.Status, d.Attempts,
                          d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.LastStatusCode, d.LastResponse, d.LastError, d.LastDurationMs))
            .Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    /// <summary>One more attempt now (a failed delivery gets exactly one; a pending one just goes sooner).</summary>
    public async Task<bool> RetryAsync(Caller caller, long deliveryId, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return false;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
            if (delivery is null || delivery.Status == DeliveryStatus.Succeeded) return false;
            delivery.RetryNow(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        signal.NotifyEverywhere();
        return true;
    }

    private CommandError? Validate(WebhookInput input)
    {
        var errors = new FieldErrors();
        var url = input.Url?.Trim();
        if (string.IsNullOrEmpty(url)) errors.Add(nameof(input.Url), localizer["Enter the URL that receives the events."]);
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
            errors.Add(nameof(input.Url), localizer["Enter a full http:// or https:// address."]);
        else if (url.Length > WebhookSubscription.UrlMax)
            errors.Add(nameof(input.Url), localizer["Keep the URL under {0} characters.", WebhookSubscription.UrlMax]);
        var secret = input.Secret?.Trim();
        if (string.IsNullOrEmpty(secret) || secret.Length < 16)
            errors.Add(nameof(input.Secret), localizer["Use a secret of at least 16 characters (or generate one)."]);
        else if (secret.Length > WebhookSubscription.SecretMax)
            errors.Add(nameof(input.Secret), localizer["Keep the secret under {0} characters.", WebhookSubscription.SecretMax]);
        if ((input.Events & ~WebhookEvents.None) == WebhookEvents.None)
            errors.Add(nameof(input.Events), localizer["Choose at least one event."]);
        errors.MaxLength(nameof(input.Description), input.Description, WebhookSubscription.DescriptionMax,
            localizer["Keep the description under {0} characters.", WebhookSubscription.DescriptionMax]);
        return errors.Any ? CommandError.Invalid(localizer["Please correct the highlighted fields."], errors.ToDictionary()) : null;
    }

    private CommandError Forbidden() => CommandError.Forbidden(localizer["Only administrators manage webhooks."]);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
