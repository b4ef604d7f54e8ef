using System.Globalization;
using System.Threading.RateLimiting;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Helpdesk.Web.Api;

/// <summary>The REST API (/api/v1), its OpenAPI document and reference page, and the webhook worker.</summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string Policy = "Api";
    public const string RateLimitPolicy = "ApiToken";
    public const int DefaultRequestsPerMinute = 120;

    public static void AddHelpdeskApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
            ApiTokenAuthenticationHandler.SchemeName, null);
        // The API takes tokens only, never the sign-in cookie: a page on another site cannot make a browser call it.
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.Configure<JsonOptions>(o => IntegrationJson.Configure(o.SerializerOptions));
        // Unreadable bodies and query values throw, so ApiProblemMiddleware can say what was wrong in a problem body.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var perMinute = Math.Max(1, http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Api:RequestsPerMinute", DefaultRequestsPerMinute));
                var key = http.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value ?? "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                });
            });
        });
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix.TrimStart('/'), StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Helpdesk API",
                    Version = "v1",
                    Description = "Tickets, their workflow and conversation, and reference data, with the same access rules as the app. " +
                                  "Authenticate with a personal API token (profile → API tokens): `Authorization: Bearer hd_…`. " +
                                  "Errors are RFC 9457 problem details. Updates take If-Match with the ticket's ETag (412 when it changed). " +
                                  "Creates take an Idempotency-Key. Requests are limited per token (429 with Retry-After).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "hd_…",
                    Description = "A personal API token from /account/tokens.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        services.AddHostedService<WebhookWorker>();
    }

    /// <summary>Called by MapHelpdesk after authentication and authorization, so the limiter sees the token.</summary>
    public static void MapHelpdeskApi(this WebApplication app)
    {
        app.UseMiddleware<ApiProblemMiddleware>();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Helpdesk API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes("Bearer")
            .DisableDefaultFonts()
            .DisableTelemetry());

        var api = app.MapGroup(Prefix).RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();
        api.MapTicketsApi();
        api.MapTicketActionsApi();
        api.MapCommentsApi();
        api.MapDirectoryApi();
        api.MapFieldsApi();
        api.MapFallback(NotFound).ExcludeFromDescription();
    }

    private static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> L) => ApiProblems.NotFound(L["There is no such API endpoint. See /api/docs."]);

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(L["Too many requests for this API token: try again in {0} s.", seconds].Value, statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(http);
    }
}
