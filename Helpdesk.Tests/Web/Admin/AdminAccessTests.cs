using System.Net;
using System.Reflection;
using Helpdesk.Core.People;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Tests.Web.Admin;

/// <summary>The role table is enforced: every admin page requires the Admin role, and the CSV export answers others "not found".</summary>
public sealed class AdminAccessTests(AppHost app) : IClassFixture<AppHost>
{
    private static IEnumerable<Type> PageTypes => typeof(Helpdesk.Web.Features.Admin.Fields.FieldsPage).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith("Helpdesk.Web.Features.Admin", StringComparison.Ordinal) == true && t.GetCustomAttributes<RouteAttribute>().Any());

    public static TheoryData<string> AdminPages => [.. PageTypes.Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public void EveryAdminPageRequiresTheAdminRole(string page)
    {
        var type = typeof(Helpdesk.Web.Features.Admin.Fields.FieldsPage).Assembly.GetType(page)!;
        var authorize = type.GetCustomAttributes<AuthorizeAttribute>().ToList();
        Assert.Contains(authorize, a => a.Roles == Roles.Admin);
    }

    [Fact]
    public void TheAdminPagesIncludeTheNewOnes()
    {
        var routes = PageTypes.SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToList();
        Assert.Contains("/admin", routes);
        Assert.Contains("/admin/fields", routes);
        Assert.Contains("/admin/settings", routes);
        Assert.Contains("/admin/audit", routes);
    }

    [Theory]
    [InlineData("dana@helpdesk.test")]
    [InlineData("alice@example.test")]
    public async Task TheAuditExportIsNotFoundForAnAgentOrARequester(string email)
    {
        using var client = await SignedInClient.SignInAsync(app, email);

        var response = await client.Http.GetAsync("/admin/audit.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnAdminDownloadsTheAuditAsCsv()
    {
        using var client = await SignedInClient.SignInAsync(app, "admin@helpdesk.test");

        var response = await client.Http.GetAsync("/admin/audit.csv?area=Setting");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("at_utc,who,kind", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }
}
