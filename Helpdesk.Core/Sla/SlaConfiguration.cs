using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Sla;

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendar>
{
    public void Configure(EntityTypeBuilder<SlaCalendar> c)
    {
        c.ToTable("SlaCalendars");
        c.Property(x => x.Name).HasMaxLength(SlaCalendar.NameMax);
        c.Property(x => x.TimeZoneId).HasMaxLength(64);
        c.HasIndex(x => x.Name).IsUnique();
        c.HasMany(x => x.Hours).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaWorkingHoursConfiguration : IEntityTypeConfiguration<SlaWorkingHours>
{
    public void Configure(EntityTypeBuilder<SlaWorkingHours> h) => h.ToTable("SlaWorkingHours");
}

internal sealed class SlaHolidayConfiguration : IEntityTypeConfiguration<SlaHoliday>
{
    public void Configure(EntityTypeBuilder<SlaHoliday> h)
    {
        h.ToTable("SlaHolidays");
        h.Property(x => x.Name).HasMaxLength(SlaHoliday.NameMax);
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> p)
    {
        p.ToTable("SlaPolicies");
        p.Property(x => x.Name).HasMaxLength(SlaPolicy.NameMax);
        p.Ignore(x => x.Specificity);
        // A calendar in use cannot be deleted from under its policies.
        p.HasOne<SlaCalendar>().WithMany().HasForeignKey(x => x.CalendarId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => x.Priority);
    }
}

internal sealed class TicketSlaConfiguration : IEntityTypeConfiguration<TicketSla>
{
    public void Configure(EntityTypeBuilder<TicketSla> s)
    {
        s.ToTable("TicketSla");
        s.HasKey(x => x.TicketId);
        s.Property(x => x.PolicyName).HasMaxLength(SlaPolicy.NameMax);
        s.HasOne<Ticket>().WithOne().HasForeignKey<TicketSla>(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<SlaPolicy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.SetNull);
        s.HasOne<SlaCalendar>().WithMany().HasForeignKey(x => x.CalendarId).OnDelete(DeleteBehavior.SetNull);
        // What the SLA service polls.
        s.HasIndex(x => x.NextCheckAt).HasFilter("\"NextCheckAt\" IS NOT NULL").HasDatabaseName("IX_TicketSla_NextCheck");
    }
}

internal sealed class SlaPauseConfiguration : IEntityTypeConfiguration<SlaPause>
{
    public void Configure(EntityTypeBuilder<SlaPause> p)
    {
        p.ToTable("SlaPauses");
        p.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.TicketId, x.From });
    }
}

internal sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> b)
    {
        b.ToTable("SlaBreaches");
        b.Property(x => x.PolicyName).HasMaxLength(SlaPolicy.NameMax);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SlaPolicy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.SetNull);
        // The database itself refuses a second breach of one target.
        b.HasIndex(x => new { x.TicketId, x.Target }).IsUnique();
        b.HasIndex(x => x.BreachedAt);
        b.HasIndex(x => new { x.TeamId, x.BreachedAt });
    }
}
