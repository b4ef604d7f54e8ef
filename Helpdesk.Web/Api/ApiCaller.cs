using Helpdesk.Core.Application;

namespace Helpdesk.Web.Api;

/// <summary>
/// The person behind the API token of this request, as Core's <see cref="Caller"/> (roles, teams and
/// tier from the database, like the pages). Endpoints take it as a parameter; the token handler
/// puts it on the request.
/// </summary>
public sealed record ApiCaller(Caller Caller, int TokenId, string TokenName, DateTime? TokenExpiresAt)
{
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Items[typeof(ApiCaller)] as ApiCaller);
}
