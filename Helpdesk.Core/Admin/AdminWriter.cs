using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Admin;

/// <summary>What an admin command works with inside its transaction.</summary>
public sealed class AdminWork(HelpdeskDbContext db, Caller caller, DateTime now, IStringLocalizer<Messages> localizer)
{
    internal List<AdminChange> Changes { get; } = [];

    public HelpdeskDbContext Db { get; } = db;
    public Caller Caller { get; } = caller;
    public DateTime Now { get; } = now;

    public string T(string key, params object[] args) => localizer[key, args];

    /// <summary>Notes one changed value for the audit log; an unchanged value is not noted.</summary>
    public void Record(AdminArea area, string subjectKey, string subjectName, string field, string? oldValue, string? newValue)
    {
        if (oldValue == newValue) return;
        Changes.Add(new AdminChange
        {
            At = Now, ActorId = Caller.ActorId, Area = area, SubjectKey = Cut(subjectKey, AdminChange.SubjectMax)!,
            SubjectName = Cut(subjectName, AdminChange.SubjectMax)!, Field = Cut(field, AdminChange.FieldMax)!,
            OldValue = Cut(oldValue, AdminChange.ValueMax), NewValue = Cut(newValue, AdminChange.ValueMax),
        });
    }

    public CommandError Invalid(FieldErrors errors) => CommandError.Invalid(T("Please correct the highlighted fields."), errors.ToDictionary());

    public CommandError Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public CommandError NotFound(string message) => CommandError.NotFound(message);

    private static string? Cut(string? s, int max) => s is { } v && v.Length > max ? v[..(max - 1)] + "…" : s;
}

/// <summary>
/// The write path of admin commands (fields, categories, people, settings): admins only, one writer
/// at a time, the change and its audit rows in one transaction; after the commit, caches are
/// dropped and open screens told (<see cref="AdminSignal"/>), so every change takes effect at once;
/// on the other servers too (<see cref="AdminRelay"/>).
/// </summary>
public sealed class AdminWriter(
    IDbContextFactory<HelpdeskDbContext> dbs,
    WriteGate gate,
    TimeProvider clock,
    IStringLocalizer<Messages> localizer,
    AdminSignal signal,
    FieldCatalog fields,
    AdminRelay relay,
    ILogger<AdminWriter> log)
{
    public async Task<Result<TValue>> ExecuteAsync<TValue>(string command, Caller caller, AdminArea area,
        Func<AdminWork, Task<Result<TValue>>> work, CancellationToken ct = default, Func<Task>? afterCommit = null)
    {
        // Refused before anything is read; admin pages answer non-admins "not found" themselves.
        if (!caller.IsAdmin) return CommandError.Forbidden(localizer["Only admins can change this."]);
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var w = new AdminWork(db, caller, clock.GetUtcNow().UtcDateTime, localizer);
            var result = await work(w);
            if (!result.Succeeded) return result;
            await db.SaveChangesAsync(ct);
            db.AdminChanges.AddRange(w.Changes);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation("{Command} by {Actor}: {Count} change(s)", command, caller.UserId, w.Changes.Count);
            if (area is AdminArea.Field or AdminArea.Category) fields.Invalidate();
            if (afterCommit is not null) await afterCommit();
            signal.Raise([area]);
            relay.CommittedHere(w.Changes.Select(c => c.Id));
            return result;
        }
    }
}
