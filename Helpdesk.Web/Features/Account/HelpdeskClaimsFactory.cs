using System.Security.Claims;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Features.Account;

/// <summary>Adds the person's display name to the cookie, so the app bar greets "Dana Agent", not an e-mail.</summary>
public sealed class HelpdeskClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    public const string DisplayNameClaim = "helpdesk:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
