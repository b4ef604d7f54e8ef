using System.Net.Mail;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.People.Commands;

/// <summary>An agent on the phone adds a caller the desk does not know yet.</summary>
public sealed record CreateRequester(string DisplayName, string Email, string? Department = null, string? Location = null);

/// <summary>
/// Creates a requester without a password: they are someone tickets can be filed for, and can sign
/// in only once they register or reset their password with the same e-mail.
/// </summary>
public sealed class CreateRequesterHandler(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    TimeProvider clock,
    IStringLocalizer<Messages> localizer,
    ILogger<CreateRequesterHandler> log)
{
    public const int NameMax = 200;
    public const int EmailMax = 256; // Identity's column
    public const int TextMax = 200;

    public async Task<Result<PersonOption>> HandleAsync(Caller caller, CreateRequester command, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return CommandError.Forbidden(localizer["Only staff can add people."]);

        var name = command.DisplayName?.Trim() ?? "";
        var email = command.Email?.Trim() ?? "";
        var department = Blank(command.Department);
        var location = Blank(command.Location);
        var normalized = Requesters.Normalize(email);

        var errors = new FieldErrors();
        errors.Required(nameof(command.DisplayName), name, localizer["Enter the person's name."]);
        errors.MaxLength(nameof(command.DisplayName), name, NameMax, localizer["Keep the name under {0} characters.", NameMax]);
        if (email.Length == 0) errors.Add(nameof(command.Email), localizer["Enter their e-mail address."]);
        else if (email.Length > EmailMax || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            errors.Add(nameof(command.Email), localizer["Enter a valid e-mail address."]);
        errors.MaxLength(nameof(command.Department), department, TextMax, localizer["Keep this under {0} characters.", TextMax]);
        errors.MaxLength(nameof(command.Location), location, TextMax, localizer["Keep this under {0} characters.", TextMax]);

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        if (!errors.Any && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
            errors.Add(nameof(command.Email), localizer["Someone with this e-mail already exists: search for them instead."]);
        if (errors.Any) return CommandError.Invalid(localizer["Please correct the highlighted fields."], errors.ToDictionary());

        var user = await Requesters.AddAsync(db, name, email, department, location, clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);

        log.LogInformation("{Command} {User} by {Actor}", nameof(CreateRequester), user.Id, caller.UserId);
        return new PersonOption(user.Id, user.DisplayName, user.Email, user.Department, user.Tier);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
