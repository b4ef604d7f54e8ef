using System.Security.Claims;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Features.Account;

/// <summary>
/// A circuit lives for hours; every minute it checks the user still exists, is active and has the
/// same security stamp, so "sign out everywhere" and deactivation also end open live pages.
/// </summary>
internal sealed class RevalidatingAuthStateProvider(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> options,
    IOptions<SecurityStampValidatorOptions> stamps)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => stamps.Value.ValidationInterval < TimeSpan.FromSeconds(5)
        ? TimeSpan.FromSeconds(5) : stamps.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || !user.IsActive) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
