using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Data.Configurations;

internal sealed class TicketCollaboratorConfiguration : IEntityTypeConfiguration<TicketCollaborator>
{
    public void Configure(EntityTypeBuilder<TicketCollaborator> c)
    {
        c.ToTable("TicketCollaborators");
        // The key is the (TicketId, UserId) pair: someone follows a ticket once; it also serves the access rule's EXISTS.
        c.HasKey(x => new { x.TicketId, x.UserId });
        c.HasOne<Ticket>().WithMany(t => t.Collaborators).HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<User>().WithMany().HasForeignKey(x => x.AddedById).OnDelete(DeleteBehavior.Restrict);
        // "Tickets I follow", for the notifications to come.
        c.HasIndex(x => x.UserId);
    }
}
