using System.Net;
using Helpdesk.Core.Data;
using Helpdesk.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Web.Hosting;

/// <summary>The real app on a real port, against its own temporary database.</summary>
public sealed class AppHostTests(AppHost app) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Health_answers_healthy_against_the_temporary_database()
    {
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/health");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health answered {(int)response.StatusCode}: {body}\n{app.Log}");
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task The_app_uses_the_temporary_database_not_the_operators_appsettings()
    {
        // The operator's appsettings.json at the repository root says data/helpdesk.db and 200 demo
        // tickets; the host's settings must win over both.
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        Assert.Equal(app.ConnectionString, options.ConnectionString);
        Assert.StartsWith(Path.GetTempPath(), app.DatabasePath);
        Assert.True(File.Exists(app.DatabasePath), $"{app.DatabasePath} was not created.\n{app.Log}");

        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = app.DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Tickets";
        var tickets = Convert.ToInt32(await count.ExecuteScalarAsync());

        Assert.Equal(app.DemoTickets, tickets);
    }
}
