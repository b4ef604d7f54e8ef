using Helpdesk.Core.Integrations.Idempotency;
using Helpdesk.Core.Integrations.Tokens;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Integrations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> t)
    {
        t.Property(x => x.Name).HasMaxLength(ApiToken.NameMax);
        t.Property(x => x.Prefix).HasMaxLength(16);
        t.Property(x => x.Hash).HasMaxLength(64);
        // Every API request finds its token by hash.
        t.HasIndex(x => x.Hash).IsUnique();
        t.HasIndex(x => x.UserId);
        t.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> r)
    {
        r.Property(x => x.Key).HasMaxLength(IdempotencyRecord.KeyMax);
        r.Property(x => x.RequestHash).HasMaxLength(64);
        r.Property(x => x.Location).HasMaxLength(500);
        // The claim: a second insert of the same key fails, so the work runs once.
        r.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        r.HasIndex(x => x.CreatedAt);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> s)
    {
        s.Property(x => x.Url).HasMaxLength(WebhookSubscription.UrlMax);
        s.Property(x => x.Secret).HasMaxLength(WebhookSubscription.SecretMax);
        s.Property(x => x.Description).HasMaxLength(WebhookSubscription.DescriptionMax);
        s.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.Property(x => x.EventType).HasMaxLength(64);
        d.Property(x => x.LastResponse).HasMaxLength(WebhookDelivery.ResponseMax);
        d.Property(x => x.LastError).HasMaxLength(WebhookDelivery.ErrorMax);
        d.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per event and subscription, whatever happens: the outbox never queues twice.
        d.HasIndex(x => new { x.SubscriptionId, x.EventSequence }).IsUnique();
        // The sender's question: what is due now?
        d.HasIndex(x => new { x.Status, x.NextAttemptAt });
    }
}

internal sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> c)
    {
        c.HasKey(x => x.Name);
        c.Property(x => x.Name).HasMaxLength(64);
    }
}
