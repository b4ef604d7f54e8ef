using Helpdesk.Core.People;
using Microsoft.AspNetCore.Identity;

namespace Helpdesk.Web.Features.Account;

/// <summary>Sign-out is a POST with an anti-forgery token, so a link on another site cannot sign anyone out.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/logout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        account.MapPost("/logout-everywhere", async (HttpContext http, SignInManager<User> signIn, UserManager<User> users) =>
        {
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).RequireAuthorization();
    }
}
