using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Mail;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> m)
    {
        m.ToTable("OutgoingMail");
        m.Property(x => x.MessageId).HasMaxLength(300);
        m.HasIndex(x => x.MessageId).IsUnique();
        m.Property(x => x.To).HasMaxLength(OutgoingMail.AddressListMax);
        m.Property(x => x.Cc).HasMaxLength(OutgoingMail.AddressListMax);
        m.Property(x => x.Subject).HasMaxLength(MailHeaders.SubjectMax);
        m.Property(x => x.InReplyTo).HasMaxLength(300);
        m.Property(x => x.References).HasMaxLength(4000);
        m.Property(x => x.DedupeKey).HasMaxLength(200);
        m.Property(x => x.LastError).HasMaxLength(OutgoingMail.ErrorMax);
        // The same notification (or reply) is never queued twice.
        m.HasIndex(x => x.DedupeKey).IsUnique();
        // The sender's question: what is due now?
        m.HasIndex(x => new { x.Status, x.NextAttemptAt });
        m.HasIndex(x => x.TicketId);
    }
}
