using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Fields;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Admin;

/// <summary>The category tree: a parent's fields reach its children at once, cycles are refused, every change audited, admins only.</summary>
public sealed class CategoryAdminTests(DeskFixture fixture) : DeskTest(fixture)
{
    private CategoryAdmin Admin => Db.Get<CategoryAdmin>();

    [Fact]
    public async Task AChildCategoryAsksItsParentsFieldsAndShowsInTheTree()
    {
        var hardware = (await Admin.SaveAsync(Desk.Admin, new CategoryInput(null, "Hardware " + Guid.NewGuid().ToString("N")[..4], null, Desk.ServiceDesk, Tier.L2, true, true))).Value;
        var serial = await Desk.AFieldAsync("Serial " + hardware, CustomFieldType.Text, categories: [hardware]);

        var laptop = await Admin.SaveAsync(Desk.Admin, new CategoryInput(null, "Laptop", hardware, Desk.ServiceDesk, Tier.L1, true, true));

        Assert.True(laptop.Succeeded, laptop.Error?.Message);
        var row = (await Admin.ListAsync(Desk.Admin))!.Single(r => r.Id == laptop.Value);
        Assert.EndsWith("› Laptop", row.Path);
        Assert.Contains(serial.Label, row.Fields);
        Assert.Contains((await Db.Get<FieldCatalog>().GetAsync()).ApplicableTo(laptop.Value, null), f => f.Key == serial.Key);
        await using var db = Db.CreateDbContext();
        Assert.True(await db.AdminChanges.AnyAsync(c => c.Area == AdminArea.Category && c.SubjectName == "Laptop" && c.Field == "DefaultTier" && c.NewValue == "L1"));
    }

    [Fact]
    public async Task ACategoryCannotMoveUnderItsOwnChild()
    {
        var parent = (await Admin.SaveAsync(Desk.Admin, new CategoryInput(null, "Parent " + Guid.NewGuid().ToString("N")[..4], null, Desk.ServiceDesk, Tier.L1, false, true))).Value;
        var child = (await Admin.SaveAsync(Desk.Admin, new CategoryInput(null, "Child", parent, Desk.ServiceDesk, Tier.L1, false, true))).Value;

        var result = await Admin.SaveAsync(Desk.Admin, new CategoryInput(parent, "Parent", child, Desk.ServiceDesk, Tier.L1, false, true));

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Contains("ParentId", result.Error.Fields.Keys);
    }

    [Fact]
    public async Task OnlyAdminsShapeCategories()
    {
        foreach (var caller in new[] { Desk.Dana, Desk.Alice })
        {
            Assert.Null(await Admin.ListAsync(caller));
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SaveAsync(caller, new CategoryInput(null, "Sneaky", null, Desk.ServiceDesk, Tier.L1, false, true))).Error!.Kind);
        }
    }
}
