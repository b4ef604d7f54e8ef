using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Routing;

internal sealed class TeamRoutingConfiguration : IEntityTypeConfiguration<TeamRouting>
{
    public void Configure(EntityTypeBuilder<TeamRouting> r)
    {
        r.ToTable("TeamRouting");
        r.HasKey(x => x.TeamId);
        r.HasOne<Team>().WithOne().HasForeignKey<TeamRouting>(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.LastAssignedUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> r)
    {
        r.ToTable("RoutingRules");
        r.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        // One rule per (category, channel); "any channel" (null) is kept unique by the settings command.
        r.HasIndex(x => new { x.CategoryId, x.Channel }).IsUnique();
        r.HasIndex(x => x.TeamId);
    }
}

internal sealed class EscalationRuleConfiguration : IEntityTypeConfiguration<EscalationRule>
{
    public void Configure(EntityTypeBuilder<EscalationRule> r)
    {
        r.ToTable("EscalationRules");
        r.Property(x => x.Name).HasMaxLength(EscalationRule.NameMax);
        r.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Team>().WithMany().HasForeignKey(x => x.MoveToTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EscalationDueConfiguration : IEntityTypeConfiguration<EscalationDue>
{
    public void Configure(EntityTypeBuilder<EscalationDue> d)
    {
        d.ToTable("EscalationDue");
        d.HasKey(x => new { x.TicketId, x.RuleId });
        d.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<EscalationRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => x.RuleId);
        // What the escalation service polls: pending rows by due time.
        d.HasIndex(x => x.DueAt).HasFilter("\"FiredAt\" IS NULL").HasDatabaseName("IX_EscalationDue_Pending");
    }
}
