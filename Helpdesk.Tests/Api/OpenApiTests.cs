using System.Net;
using System.Text.Json;
using Helpdesk.Tests.Support;

namespace Helpdesk.Tests.Api;

/// <summary>The OpenAPI document (/openapi/v1.json) and the reference page (/api/docs) describe the API an integrator can call.</summary>
public sealed class OpenApiTests(AppHost app) : IClassFixture<AppHost>
{
    [Fact]
    public async Task TheDocumentListsEveryRouteWithANameASummaryAndTheBearerScheme()
    {
        using var http = app.CreateClient();

        var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name.ToUpperInvariant(), Operation: o.Value)))
            .ToList();
        string[] expected =
        [
            "POST /api/v1/tickets", "GET /api/v1/tickets", "GET /api/v1/tickets/{number}", "PATCH /api/v1/tickets/{number}",
            "POST /api/v1/tickets/{number}/status", "POST /api/v1/tickets/{number}/assign", "POST /api/v1/tickets/{number}/escalate",
            "POST /api/v1/tickets/{number}/links", "GET /api/v1/tickets/{number}/comments", "GET /api/v1/tickets/{number}/comments/{id}",
            "POST /api/v1/tickets/{number}/replies", "POST /api/v1/tickets/{number}/notes",
            "GET /api/v1/me", "GET /api/v1/categories", "GET /api/v1/teams", "GET /api/v1/users",
            "GET /api/v1/fields", "PATCH /api/v1/tickets/{number}/fields",
        ];
        Assert.Equal(expected.Order(), operations.Select(o => $"{o.Method} {o.Path}").Order());
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("operationId").GetString()), o.Path);
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), o.Path);
        });
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var create = operations.Single(o => o.Operation.GetProperty("operationId").GetString() == "CreateTicket").Operation;
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
    }

    [Fact]
    public async Task TheReferencePageIsServedByTheAppItself()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { BaseAddress = app.BaseUrl };

        var page = await http.GetAsync("api/docs/");
        var script = await http.GetAsync("api/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Helpdesk API", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
