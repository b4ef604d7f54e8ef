using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    // The working queues filter on the stored IsOpen column, stated literally so SQLite uses these
    // partial indexes (a NOT IN list of statuses as parameters would not).
    internal const string OpenFilter = "\"IsOpen\"";

    public void Configure(EntityTypeBuilder<Ticket> t)
    {
        t.HasIndex(x => x.Number).IsUnique();
        t.Property(x => x.Subject).HasMaxLength(200);
        t.Property(x => x.SubjectKey).HasMaxLength(Reports.SubjectKey.MaxLength).HasDefaultValue("");
        t.Property(x => x.Description).HasMaxLength(20_000);
        t.Property(x => x.Resolution).HasMaxLength(20_000);
        t.Property(x => x.RejectionReason).HasMaxLength(2_000);
        t.Property(x => x.PriorityOverrideReason).HasMaxLength(500);
        t.Property(x => x.Version).IsConcurrencyToken();
        t.OwnsOne(x => x.System, s =>
        {
            s.Property(p => p.AssetTag).HasMaxLength(100);
            s.Property(p => p.DeviceType).HasMaxLength(100);
            s.Property(p => p.OperatingSystem).HasMaxLength(100);
            s.Property(p => p.Application).HasMaxLength(200);
            s.Property(p => p.ApplicationVersion).HasMaxLength(50);
        });
        t.Navigation(x => x.System).IsRequired();
        t.HasMany(x => x.CustomFields).WithOne().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);

        t.HasOne<User>().WithMany().HasForeignKey(x => x.RequesterId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<User>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);

        t.HasIndex(x => new { x.TeamId, x.UpdatedAt }).HasFilter(OpenFilter).HasDatabaseName("IX_Tickets_Open_Team");
        t.HasIndex(x => new { x.AssigneeId, x.UpdatedAt }).HasFilter(OpenFilter).HasDatabaseName("IX_Tickets_Open_Assignee");
        t.HasIndex(x => x.UpdatedAt).HasFilter(OpenFilter).HasDatabaseName("IX_Tickets_Open_Updated");
        t.HasIndex(x => x.SlaDueAt).HasFilter(OpenFilter).HasDatabaseName("IX_Tickets_Open_SlaDue");
        t.HasIndex(x => new { x.RequesterId, x.UpdatedAt });
        t.HasIndex(x => new { x.Status, x.ClosedAt });
        // Reports: open tickets grouped by status, priority, team and tier from the index alone; ranges of created and resolved tickets.
        t.HasIndex(x => new { x.Status, x.Priority, x.TeamId, x.Tier }).HasFilter(OpenFilter).HasDatabaseName("IX_Tickets_Open_Report");
        t.HasIndex(x => x.CreatedAt);
        t.HasIndex(x => x.ResolvedAt).HasFilter("\"ResolvedAt\" IS NOT NULL");
    }
}

internal sealed class TicketFieldValueConfiguration : IEntityTypeConfiguration<TicketFieldValue>
{
    public void Configure(EntityTypeBuilder<TicketFieldValue> f)
    {
        // One row per value: a multiple choice stores each option, so "has option X" is an index seek too.
        f.HasKey(x => new { x.TicketId, x.Key, x.Value });
        f.Property(x => x.Key).HasMaxLength(100);
        f.Property(x => x.Value).HasMaxLength(4_000);
        f.HasIndex(x => new { x.Key, x.Value });
    }
}

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> c)
    {
        c.Property(x => x.Body).HasMaxLength(50_000);
        c.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.TicketId, x.CreatedAt });
    }
}

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> l)
    {
        l.HasOne<Ticket>().WithMany().HasForeignKey(x => x.FromTicketId).OnDelete(DeleteBehavior.Cascade);
        l.HasOne<Ticket>().WithMany().HasForeignKey(x => x.ToTicketId).OnDelete(DeleteBehavior.Cascade);
        l.HasIndex(x => new { x.FromTicketId, x.ToTicketId, x.Kind }).IsUnique();
        l.HasIndex(x => x.ToTicketId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.Property(x => x.Command).HasMaxLength(64);
        a.Property(x => x.Field).HasMaxLength(64);
        a.Property(x => x.OldValue).HasMaxLength(500);
        a.Property(x => x.NewValue).HasMaxLength(500);
        a.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.TicketId, x.Version });
        // Reports: status changes over the last days (backlog), without reading every audit row.
        a.HasIndex(x => new { x.Field, x.At });
    }
}
