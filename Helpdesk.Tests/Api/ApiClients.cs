using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Integrations.Tokens;
using Helpdesk.Core.People;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Api;

/// <summary>Talks to the running app's API over real HTTP with a personal token, as an integration would.</summary>
public static class ApiClients
{
    public static readonly JsonSerializerOptions Json = IntegrationJson.Options;

    /// <summary>A new token for the person with this e-mail, and a client that sends it.</summary>
    public static async Task<HttpClient> ApiAsAsync(this AppHost app, string email) => app.ApiWithToken(await app.TokenForAsync(email));

    public static async Task<string> TokenForAsync(this AppHost app, string email, string name = "tests")
    {
        var caller = await app.CallerAsync(email);
        var created = await app.Services.GetRequiredService<ApiTokens>().CreateAsync(caller, name, null);
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value!.Token;
    }

    public static HttpClient ApiWithToken(this AppHost app, string? token)
    {
        var client = app.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A requester with no password (as agents create them), for "someone else's ticket" cases.</summary>
    public static async Task<Caller> ARequesterAsync(this AppHost app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Requester)).Succeeded);
        return await app.CallerAsync(email);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null, string? idempotencyKey = null) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, ifMatch, idempotencyKey);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Patch, url, body, ifMatch, null);

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body, string? ifMatch, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("Empty body");

    /// <summary>The response as a problem document, insisting it is one (RFC 9457 media type, status in the body).</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static IReadOnlyDictionary<string, string[]> Errors(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
}
