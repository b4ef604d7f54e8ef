using System.Security.Claims;
using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.Components.Authorization;

namespace Helpdesk.Web.Features.Account;

/// <summary>The signed-in person of this circuit as Core's <see cref="Caller"/>, loaded once per circuit.</summary>
public sealed class CurrentCaller(AuthenticationStateProvider auth, CallerDirectory directory)
{
    private Caller? _caller;

    /// <summary>Null for anonymous or deactivated users.</summary>
    public async Task<Caller?> GetAsync(CancellationToken ct = default)
    {
        if (_caller is not null) return _caller;
        var state = await auth.GetAuthenticationStateAsync();
        return _caller = await FromPrincipalAsync(directory, state.User, ct);
    }

    public static async Task<Caller?> FromPrincipalAsync(CallerDirectory directory, ClaimsPrincipal user, CancellationToken ct = default) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await directory.ForUserAsync(id, ct) : null;
}
