using Helpdesk.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.TicketSubject).HasMaxLength(Notification.SubjectMax);
        n.Property(x => x.ActorName).HasMaxLength(200);
        n.Property(x => x.Detail).HasMaxLength(Notification.DetailMax);
        // One notification per person, event and kind, whatever happens.
        n.HasIndex(x => new { x.UserId, x.EventSequence, x.Kind }).IsUnique();
        // The bell's questions: how many unread, and the newest.
        n.HasIndex(x => new { x.UserId, x.ReadAt });
        n.HasIndex(x => x.CreatedAt);
        n.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmailOptOutConfiguration : IEntityTypeConfiguration<EmailOptOut>
{
    public void Configure(EntityTypeBuilder<EmailOptOut> o)
    {
        o.HasKey(x => new { x.UserId, x.Kind });
        o.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
