using System.Net;
using System.Reflection;
using Helpdesk.Tests.Support;
using Helpdesk.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Tests.Web.Reports;

/// <summary>Reports are for leads and admins, checked on the server: pages, CSV downloads and Core's queries.</summary>
public sealed class ReportsAccessTests(AppHost app) : IClassFixture<AppHost>
{
    public static TheoryData<string> Csvs => ["overview", "volume-channel", "volume-category", "times", "sla", "rates", "recurring", "history?department=Finance"];

    [Fact]
    public void EveryReportPageRequiresTheLeadPolicy()
    {
        var pages = typeof(OverviewPage).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(OverviewPage).Namespace && t.GetCustomAttributes<RouteAttribute>().Any()).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains(p.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == Helpdesk.Web.Hosting.IdentitySetup.LeadPolicy));
    }

    [Theory]
    [InlineData("dana@helpdesk.test", "/reports")]
    [InlineData("alice@example.test", "/reports")]
    [InlineData("dana@helpdesk.test", "/reports/history")]
    [InlineData("alice@example.test", "/reports/tickets?department=Finance")]
    public async Task AnAgentOrARequesterOpeningAReportPageFindsNothing(string email, string url)
    {
        using var client = await SignedInClient.SignInAsync(app, email);

        var response = await client.Http.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        // Signed in but not allowed: turned away by the server (to the not-found or sign-in page) before any figure is computed.
        Assert.True(response.StatusCode == HttpStatusCode.NotFound || response.RequestMessage?.RequestUri?.AbsolutePath == "/not-found"
            || response.Headers.Location?.AbsolutePath is "/not-found" or "/account/login",
            $"{response.StatusCode} at {response.RequestMessage?.RequestUri} -> {response.Headers.Location}");
        Assert.DoesNotContain("Live overview", body);
        Assert.DoesNotContain("hd-report", body);
    }

    [Theory]
    [MemberData(nameof(Csvs))]
    public async Task AnAgentOrARequesterDownloadingAReportGetsNotFound(string report)
    {
        foreach (var email in new[] { "dana@helpdesk.test", "alice@example.test" })
        {
            using var client = await SignedInClient.SignInAsync(app, email);
            var path = report.Contains('?') ? report.Replace("?", ".csv?") : report + ".csv";
            var response = await client.Http.GetAsync("/reports/" + path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task ALeadOpensTheOverviewAndDownloadsEveryReportNamedByItsFilters()
    {
        using var client = await SignedInClient.SignInAsync(app, "lead@helpdesk.test");
        var page = await client.Http.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Live overview", await page.Content.ReadAsStringAsync());

        foreach (var report in Csvs)
        {
            var path = report.Contains('?') ? report.Replace("?", ".csv?") + "&from=2026-01-01&to=2026-01-31&channel=Email"
                : report + ".csv?from=2026-01-01&to=2026-01-31&channel=Email";
            var response = await client.Http.GetAsync("/reports/" + path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
            if (report != "overview") Assert.Contains("2026-01-01-to-2026-01-31-channel-email", name);
        }
    }

    [Fact]
    public async Task ARequesterCannotExportAnyoneElsesTicketListButAnAgentGetsTheirView()
    {
        using var requester = await SignedInClient.SignInAsync(app, "alice@example.test");
        Assert.Equal(HttpStatusCode.NotFound, (await requester.Http.GetAsync("/tickets.csv?view=AllOpen")).StatusCode);

        using var agent = await SignedInClient.SignInAsync(app, "dana@helpdesk.test");
        var response = await agent.Http.GetAsync("/tickets.csv?view=MyTeams&status=Open,New&sort=CreatedDesc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("number,subject,status", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Contains("helpdesk-tickets-myteams-status-open_new", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }
}
