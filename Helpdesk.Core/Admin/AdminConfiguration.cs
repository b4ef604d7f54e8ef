using Helpdesk.Core.People;
using Helpdesk.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Admin;

internal sealed class AdminChangeConfiguration : IEntityTypeConfiguration<AdminChange>
{
    public void Configure(EntityTypeBuilder<AdminChange> a)
    {
        a.Property(x => x.SubjectKey).HasMaxLength(AdminChange.SubjectMax);
        a.Property(x => x.SubjectName).HasMaxLength(AdminChange.SubjectMax);
        a.Property(x => x.Field).HasMaxLength(AdminChange.FieldMax);
        a.Property(x => x.OldValue).HasMaxLength(AdminChange.ValueMax);
        a.Property(x => x.NewValue).HasMaxLength(AdminChange.ValueMax);
        a.HasOne<User>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => x.At);
        a.HasIndex(x => new { x.Area, x.SubjectKey });
        a.HasIndex(x => x.ActorId);
    }
}

internal sealed class DeskSettingConfiguration : IEntityTypeConfiguration<DeskSetting>
{
    public void Configure(EntityTypeBuilder<DeskSetting> s)
    {
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(DeskSetting.KeyMax);
        s.Property(x => x.Value).HasMaxLength(DeskSetting.ValueMax);
    }
}
