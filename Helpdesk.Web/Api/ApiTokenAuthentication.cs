using System.Security.Claims;
using System.Text.Encodings.Web;
using Helpdesk.Core.Integrations.Tokens;
using Helpdesk.Core.People;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Api;

/// <summary>
/// <c>Authorization: Bearer hd_…</c>. A valid token becomes its owner's principal and
/// <see cref="ApiCaller"/> (through <see cref="CallerDirectory"/>, so a deactivated person's tokens
/// stop working too). Anything else is a 401 problem saying why (missing, unknown, revoked, expired).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    CallerDirectory directory,
    IStringLocalizer<SharedResource> L) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "helpdesk:token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail(L["Send the token as \"Authorization: Bearer hd_…\"."]);
        var check = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (!check.Succeeded) return AuthenticateResult.Fail(Reason(check.Failure!.Value));
        var caller = await directory.ForUserAsync(check.UserId, Context.RequestAborted);
        if (caller is null) return AuthenticateResult.Fail(Reason(TokenFailure.AccountDisabled));

        Context.Items[typeof(ApiCaller)] = new ApiCaller(caller, check.TokenId, check.Name, check.ExpiresAt);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, caller.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, caller.DisplayName),
            new(TokenIdClaim, check.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. caller.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? L["This API needs a personal API token: create one on your profile page (/account/tokens) and send \"Authorization: Bearer hd_…\"."];
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer realm=\"helpdesk\"" : "Bearer realm=\"helpdesk\", error=\"invalid_token\"";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await TypedResults.Problem(L["Your account may not do this."].Value, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);

    private string Reason(TokenFailure failure) => failure switch
    {
        TokenFailure.Revoked => L["This API token was revoked."],
        TokenFailure.Expired => L["This API token has expired."],
        TokenFailure.AccountDisabled => L["The account of this API token is deactivated."],
        _ => L["This API token is not valid."],
    };
}
