using Helpdesk.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Wall;

internal sealed class WallDisplayConfiguration : IEntityTypeConfiguration<WallDisplay>
{
    public void Configure(EntityTypeBuilder<WallDisplay> d)
    {
        d.ToTable("WallDisplays");
        d.Property(x => x.Name).HasMaxLength(WallDisplay.NameMax);
        d.Property(x => x.Prefix).HasMaxLength(16);
        d.Property(x => x.Hash).HasMaxLength(64);
        d.Property(x => x.TeamIds).HasMaxLength(1000);
        // Every wall page load finds its display by the hash of the key in the URL.
        d.HasIndex(x => x.Hash).IsUnique();
        d.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
