using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> u)
    {
        u.Property(x => x.DisplayName).HasMaxLength(200);
        u.Property(x => x.Location).HasMaxLength(200);
        u.Property(x => x.Department).HasMaxLength(200);
        u.HasIndex(x => x.DisplayName);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> t)
    {
        t.Property(x => x.Name).HasMaxLength(100);
        t.HasIndex(x => x.Name).IsUnique();
        t.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> m)
    {
        m.HasKey(x => new { x.TeamId, x.UserId });
        m.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.UserId);
    }
}

internal sealed class AgentSkillConfiguration : IEntityTypeConfiguration<AgentSkill>
{
    public void Configure(EntityTypeBuilder<AgentSkill> s)
    {
        s.HasKey(x => new { x.UserId, x.CategoryId });
        s.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> c)
    {
        c.Property(x => x.Name).HasMaxLength(100);
        c.HasOne<Category>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Team>().WithMany().HasForeignKey(x => x.DefaultTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketEventRecordConfiguration : IEntityTypeConfiguration<TicketEventRecord>
{
    public void Configure(EntityTypeBuilder<TicketEventRecord> e)
    {
        e.ToTable("TicketEvents");
        e.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TicketId);
    }
}
