using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Fields;

internal sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> f)
    {
        f.Property(x => x.Key).HasMaxLength(CustomField.KeyMax);
        f.HasIndex(x => x.Key).IsUnique();
        f.Property(x => x.Label).HasMaxLength(CustomField.LabelMax);
        f.Property(x => x.HelpText).HasMaxLength(CustomField.HelpMax);
        f.HasMany(x => x.Choices).WithOne().HasForeignKey(c => c.FieldId).OnDelete(DeleteBehavior.Cascade);
        f.HasMany(x => x.Categories).WithOne().HasForeignKey(c => c.FieldId).OnDelete(DeleteBehavior.Cascade);
        f.HasMany(x => x.Departments).WithOne().HasForeignKey(c => c.FieldId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldChoiceConfiguration : IEntityTypeConfiguration<FieldChoice>
{
    public void Configure(EntityTypeBuilder<FieldChoice> c)
    {
        c.ToTable("FieldChoices");
        c.HasKey(x => new { x.FieldId, x.Key });
        c.Property(x => x.Key).HasMaxLength(64);
        c.Property(x => x.Label).HasMaxLength(FieldChoice.LabelMax);
    }
}

internal sealed class FieldCategoryConfiguration : IEntityTypeConfiguration<FieldCategory>
{
    public void Configure(EntityTypeBuilder<FieldCategory> c)
    {
        c.ToTable("FieldCategories");
        c.HasKey(x => new { x.FieldId, x.CategoryId });
        c.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldDepartmentConfiguration : IEntityTypeConfiguration<FieldDepartment>
{
    public void Configure(EntityTypeBuilder<FieldDepartment> d)
    {
        d.ToTable("FieldDepartments");
        d.HasKey(x => new { x.FieldId, x.Department });
        d.Property(x => x.Department).HasMaxLength(FieldDepartment.Max);
    }
}
