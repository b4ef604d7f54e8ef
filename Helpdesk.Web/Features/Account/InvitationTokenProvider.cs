using System.Globalization;
using System.Text;
using Helpdesk.Core.Admin;
using Helpdesk.Core.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Web.Features.Account;

/// <summary>
/// Identity's password-reset token provider here (<c>Tokens.PasswordResetTokenProvider</c>): like
/// Identity's DataProtectorTokenProvider it protects the creation time, user id, purpose and
/// security stamp, so a token dies when the password is set (the stamp changes) or a new link is
/// sent; unlike it, time comes from the app's <see cref="TimeProvider"/> and the lifespan from
/// "Accounts:InvitationDays" (7 by default). URL-safe, so a link needs no further escaping.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IConfiguration config) : IUserTwoFactorTokenProvider<User>
{
    public const string Name = "Invitation";

    private readonly IDataProtector _protector = protection.CreateProtector("Helpdesk.Invitation.v1");

    public TimeSpan Lifespan => TimeSpan.FromDays(Math.Max(0.01, config.GetValue("Accounts:InvitationDays", 7.0)));

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user)
    {
        var payload = string.Join('\n', clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture),
            await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return false;
        var created = new DateTimeOffset(ticks, TimeSpan.Zero);
        return created + Lifespan >= clock.GetUtcNow()
               && parts[1] == await manager.GetUserIdAsync(user)
               && parts[2] == purpose
               && parts[3] == await manager.GetSecurityStampAsync(user);
    }
}

/// <summary>Core's <see cref="IInvitationTokens"/>: Identity's password-reset token, from a scope of its own (no database access).</summary>
public sealed class IdentityInvitationTokens(IServiceScopeFactory scopes) : IInvitationTokens
{
    public async Task<string> CreateAsync(User user)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().GeneratePasswordResetTokenAsync(user);
    }
}
