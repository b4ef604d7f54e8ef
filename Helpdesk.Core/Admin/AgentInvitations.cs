using System.Globalization;
using System.Net;
using System.Net.Mail;
using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Mail;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Admin;

/// <summary>Makes the one-time set-password token for a new account (Identity's password-reset token, in the web app).</summary>
public interface IInvitationTokens
{
    /// <summary>A token for <paramref name="user"/>, which must have its id and security stamp set.</summary>
    Task<string> CreateAsync(User user);
}

/// <param name="Role">Agent, TeamLead or Admin.</param>
public sealed record InvitationInput(string DisplayName, string Email, string Role, Tier Tier, IReadOnlyCollection<int> TeamIds);

/// <param name="Link">The set-password link, shown once to the admin to pass on.</param>
/// <param name="Mailed">False when mail is off: the admin must pass the link on.</param>
public sealed record InvitationSent(int UserId, string Email, string Link, bool Mailed);

/// <summary>
/// Admins invite staff by e-mail: the account is created without a password, with its role, tier
/// and teams, and a one-time set-password link (expiring, dead once used or re-sent) is mailed
/// through the outbox in the same transaction and returned for the admin to pass on.
/// </summary>
public sealed class AgentInvitations(AdminWriter writer, MailOutbox mail, IInvitationTokens tokens, IOptionsMonitor<AppOptions> app)
{
    public const int NameMax = 200;
    public static readonly string[] InvitableRoles = [Roles.Agent, Roles.TeamLead, Roles.Admin];

    public async Task<Result<InvitationSent>> InviteAsync(Caller caller, InvitationInput input, CancellationToken ct = default)
    {
        var result = await writer.ExecuteAsync("InviteAgent", caller, AdminArea.Person, async w =>
        {
            var name = input.DisplayName?.Trim() ?? "";
            var email = input.Email?.Trim() ?? "";
            var teamIds = (input.TeamIds ?? []).Distinct().ToList();
            var errors = new FieldErrors();
            errors.Required(nameof(input.DisplayName), name, w.T("Enter the person's name."));
            errors.MaxLength(nameof(input.DisplayName), name, NameMax, w.T("Keep the name under {0} characters.", NameMax));
            if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) errors.Add(nameof(input.Email), w.T("Enter a valid e-mail address."));
            else
            {
                var normalized = Normalize(email);
                if (await w.Db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
                    errors.Add(nameof(input.Email), w.T("An account with this e-mail already exists."));
            }
            if (!InvitableRoles.Contains(input.Role)) errors.Add(nameof(input.Role), w.T("Choose a role."));
            if (!Enum.IsDefined(input.Tier)) errors.Add(nameof(input.Tier), w.T("Choose a tier."));
            var teams = await w.Db.Teams.Where(t => teamIds.Contains(t.Id)).ToListAsync(ct);
            if (teams.Count != teamIds.Count) errors.Add(nameof(input.TeamIds), w.T("Choose teams from the list."));
            if (errors.Any) return w.Invalid(errors);

            var user = new User
            {
                UserName = email, NormalizedUserName = Normalize(email), Email = email, NormalizedEmail = Normalize(email),
                DisplayName = name, Tier = input.Tier, CreatedAt = w.Now, LockoutEnabled = true,
                SecurityStamp = NewStamp(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            w.Db.Users.Add(user);
            await w.Db.SaveChangesAsync(ct);
            // A team lead also works tickets and an admin is staff: both get the Agent role too, as the demo accounts have.
            var roleNames = input.Role == Roles.Agent ? [Roles.Agent] : new[] { input.Role, Roles.Agent };
            var roleIds = await w.Db.Roles.Where(r => roleNames.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
            w.Db.UserRoles.AddRange(roleIds.Select(id => new IdentityUserRole<int> { UserId = user.Id, RoleId = id }));
            w.Db.TeamMembers.AddRange(teams.Select(t => new TeamMember { TeamId = t.Id, UserId = user.Id, IsLead = input.Role == Roles.TeamLead }));

            var key = Key(user.Id);
            w.Record(AdminArea.Person, key, name, "Invited", null, email);
            w.Record(AdminArea.Person, key, name, "Role", null, string.Join(", ", roleNames));
            w.Record(AdminArea.Person, key, name, "Tier", null, input.Tier.ToString());
            if (teams.Count > 0) w.Record(AdminArea.Person, key, name, "Teams", null, string.Join(", ", teams.Select(t => t.Name).Order(StringComparer.Ordinal)));
            var sent = await LinkAndMailAsync(w, user, caller);
            return Result<InvitationSent>.Ok(sent);
        }, ct, afterCommit: () => { mail.Wake(); return Task.CompletedTask; });
        return result;
    }

    /// <summary>
    /// A new link for someone who has not set a password yet; the earlier link stops working
    /// (the security stamp changes).
    /// </summary>
    public Task<Result<InvitationSent>> ResendAsync(Caller caller, int userId, CancellationToken ct = default) =>
        writer.ExecuteAsync("ResendInvitation", caller, AdminArea.Person, async w =>
        {
            var user = await w.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return w.NotFound(w.T("That person no longer exists."));
            if (user.PasswordHash is not null) return w.Invalid("UserId", w.T("{0} has set a password already.", user.DisplayName));
            if (!user.IsActive) return w.Invalid("UserId", w.T("{0} is deactivated.", user.DisplayName));
            user.SecurityStamp = NewStamp();
            w.Record(AdminArea.Person, Key(user.Id), user.DisplayName, "Invited", null, user.Email + " (again)");
            return Result<InvitationSent>.Ok(await LinkAndMailAsync(w, user, caller));
        }, ct, afterCommit: () => { mail.Wake(); return Task.CompletedTask; });

    /// <summary>The link an invitee opens: the page checks the token with Identity.</summary>
    public string LinkFor(int userId, string token) =>
        $"{app.CurrentValue.PublicUrl.TrimEnd('/')}/account/invitation?user={Key(userId)}&token={Uri.EscapeDataString(token)}";

    private async Task<InvitationSent> LinkAndMailAsync(AdminWork w, User user, Caller caller)
    {
        var token = await tokens.CreateAsync(user);
        var link = LinkFor(user.Id, token);
        var subject = w.T("You are invited to the Helpdesk");
        var line = w.T("{0} created a Helpdesk account for you ({1}). Choose your password with this link; it works once and expires.",
            caller.DisplayName, user.Email!);
        var open = w.T("Choose your password");
        var html = $"<p>{WebUtility.HtmlEncode(line)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(open)}</a></p>";
        var queued = mail.Add(w.Db, new MailDraft([new MailRecipient(user.Email!, user.DisplayName)], subject, $"{line}\n\n{open}: {link}", new SanitizedHtml(html)), w.Now);
        return new InvitationSent(user.Id, user.Email!, link, queued is not null);
    }

    /// <summary>What Identity's default normalizer (UpperInvariantLookupNormalizer) stores.</summary>
    private static string Normalize(string s) => s.Normalize().ToUpperInvariant();

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
