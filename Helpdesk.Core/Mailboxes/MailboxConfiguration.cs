using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mailboxes;

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> m)
    {
        m.ToTable("InboundMails");
        m.Property(x => x.Mailbox).HasMaxLength(100);
        m.Property(x => x.MessageId).HasMaxLength(InboundMail.MessageIdMax);
        m.Property(x => x.FromAddress).HasMaxLength(320);
        m.Property(x => x.Subject).HasMaxLength(500);
        m.Property(x => x.Reason).HasMaxLength(1000);
        // One row per message, whichever mailbox it reached first: the idempotency key.
        m.HasIndex(x => x.MessageId).IsUnique();
        m.HasIndex(x => new { x.Outcome, x.ReceivedAt });
        m.HasIndex(x => x.TicketId);
        m.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> a)
    {
        a.Property(x => x.FileName).HasMaxLength(TicketAttachment.FileNameMax);
        a.Property(x => x.ContentType).HasMaxLength(TicketAttachment.ContentTypeMax);
        a.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => x.TicketId);
    }
}
