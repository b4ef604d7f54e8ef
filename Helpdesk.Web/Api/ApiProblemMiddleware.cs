using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Api;

/// <summary>
/// Under /api/v1 every error is a problem-details JSON body, never the app's HTML pages: the
/// status-code pages are turned off, unreadable requests (bad JSON, a bad query value) become a 400
/// problem, an unexpected exception a 500 problem (logged), and any other empty error a problem.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next, ILogger<ApiProblemMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> L)
    {
        if (!context.Request.Path.StartsWithSegments(ApiSetup.Prefix))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await TypedResults.Problem(ex.Message, statusCode: ex.StatusCode).ExecuteAsync(context);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogError(ex, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await TypedResults.Problem(L["The server failed to answer this request; it has been logged."].Value, statusCode: StatusCodes.Status500InternalServerError)
                .ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            await TypedResults.Problem(statusCode: response.StatusCode).ExecuteAsync(context);
    }
}
