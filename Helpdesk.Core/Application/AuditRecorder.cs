using System.Globalization;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Application;

/// <summary>
/// Turns what a command changed into audit rows, read from EF's change tracker so no command can
/// forget one. A ticket whose fields changed gets a new <see cref="Ticket.Version"/>.
/// </summary>
public sealed class AuditRecorder(Fields.FieldCatalog fieldCatalog)
{
    /// <summary>Audit rows of custom fields name them "cf:{key}" (the key never changes; the label may).</summary>
    public const string CustomFieldPrefix = "cf:";

    // Follow from other fields (status drives IsOpen, ResolvedAt...) or from every write.
    private static readonly HashSet<string> Derived =
        [nameof(Ticket.UpdatedAt), nameof(Ticket.Version), nameof(Ticket.IsOpen), nameof(Ticket.FirstRespondedAt),
         nameof(Ticket.ResolvedAt), nameof(Ticket.ClosedAt),
         // The SLA clock's output: recomputed from the above, never an edit of its own.
         nameof(Ticket.FirstResponseDueAt), nameof(Ticket.ResolutionDueAt), nameof(Ticket.SlaDueAt), nameof(Ticket.SlaState)];

    private const int MaxValue = 500;

    public async Task RecordAsync(TicketWork w, string command, CancellationToken ct)
    {
        var db = w.Db;
        db.ChangeTracker.DetectChanges();
        var fieldChanges = new List<(Ticket Ticket, string Field, object? Old, object? New)>();
        foreach (var entry in db.ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified))
        {
            var fields = entry.Properties
                .Where(p => p.IsModified && !Derived.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                .ToList();
            if (fields.Count == 0) continue;
            entry.Entity.Version++;
            fieldChanges.AddRange(fields.Select(p => (entry.Entity, p.Metadata.Name, p.OriginalValue, p.CurrentValue)));
        }
        // Custom field values are rows of their own: a changed field is one audit row on its ticket, old → new.
        var valueRows = db.ChangeTracker.Entries<TicketFieldValue>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => (e.Entity, Added: e.State == EntityState.Added)).ToList();
        var fieldTickets = valueRows.Select(v => v.Entity.TicketId).Where(id => id != 0).Distinct().ToList();
        var valueChanges = new List<(Ticket Ticket, string Key, List<string> Old, List<string> New)>();
        foreach (var ticket in db.ChangeTracker.Entries<Ticket>().Where(e => e.State is EntityState.Modified or EntityState.Unchanged && fieldTickets.Contains(e.Entity.Id)).Select(e => e.Entity))
        {
            foreach (var key in valueRows.Where(v => v.Entity.TicketId == ticket.Id).Select(v => v.Entity.Key).Distinct())
            {
                var now = ticket.CustomFields.Where(f => f.Key == key).Select(f => f.Value).Order().ToList();
                var removed = valueRows.Where(v => !v.Added && v.Entity.TicketId == ticket.Id && v.Entity.Key == key).Select(v => v.Entity.Value);
                var added = valueRows.Where(v => v.Added && v.Entity.TicketId == ticket.Id && v.Entity.Key == key).Select(v => v.Entity.Value).ToList();
                var before = now.Except(added).Concat(removed).Order().ToList();
                if (!before.SequenceEqual(now)) valueChanges.Add((ticket, key, before, now));
            }
            if (valueChanges.Any(c => c.Ticket == ticket) && !fieldChanges.Any(c => c.Ticket == ticket)) ticket.Version++;
        }
        var created = w.Created.Union(db.ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)).ToList();
        var comments = db.ChangeTracker.Entries<TicketComment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var links = db.ChangeTracker.Entries<TicketLink>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        // Removed rows leave the tracker on save: note them (added or not) before.
        var collaborators = db.ChangeTracker.Entries<TicketCollaborator>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => (e.Entity, Added: e.State == EntityState.Added)).ToList();

        await db.SaveChangesAsync(ct);

        var actor = w.Caller.ActorId;
        foreach (var t in created)
            db.Audit.Add(new AuditEntry(t.Id, t.Version, w.Now, actor, command, "Created", null, TicketNumber.Format(t.Number)));
        foreach (var (t, field, old, @new) in fieldChanges)
            db.Audit.Add(new AuditEntry(t.Id, t.Version, w.Now, actor, command, field,
                await DescribeAsync(db, field, old, ct), await DescribeAsync(db, field, @new, ct)));
        if (valueChanges.Count > 0)
        {
            var fields = await fieldCatalog.GetAsync(ct);
            foreach (var (t, key, old, @new) in valueChanges)
            {
                string? Show(List<string> values) => values.Count == 0 ? null : Truncate(fields[key]?.Display(values) ?? string.Join(", ", values));
                db.Audit.Add(new AuditEntry(t.Id, t.Version, w.Now, actor, command, CustomFieldPrefix + key, Show(old), Show(@new)));
            }
        }
        foreach (var c in comments)
            db.Audit.Add(new AuditEntry(c.TicketId, await VersionOf(db, c.TicketId, ct), w.Now, actor, command,
                c.Kind.ToString(), null, Truncate(c.Body)));
        foreach (var l in links)
        {
            var other = await db.Tickets.Where(t => t.Id == l.ToTicketId).Select(t => t.Number).SingleAsync(ct);
            db.Audit.Add(new AuditEntry(l.FromTicketId, await VersionOf(db, l.FromTicketId, ct), w.Now, actor, command,
                "Link", null, $"{l.Kind} {TicketNumber.Format(other)}"));
        }
        foreach (var (c, added) in collaborators)
        {
            var name = await db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            db.Audit.Add(new AuditEntry(c.TicketId, await VersionOf(db, c.TicketId, ct), w.Now, actor, command,
                "Collaborator", added ? null : name, added ? name : null));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<int> VersionOf(Data.HelpdeskDbContext db, int ticketId, CancellationToken ct) =>
        db.Tickets.Local.FirstOrDefault(t => t.Id == ticketId)?.Version
        ?? await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Version).SingleAsync(ct);

    /// <summary>Ids become names so the audit reads as "Assignee: Dana -> Sam" for years, whatever is renamed later.</summary>
    private static async Task<string?> DescribeAsync(Data.HelpdeskDbContext db, string field, object? value, CancellationToken ct)
    {
        if (value is null) return null;
        return field switch
        {
            nameof(Ticket.AssigneeId) or nameof(Ticket.RequesterId) =>
                await db.Users.Where(u => u.Id == (int)value).Select(u => u.DisplayName).SingleOrDefaultAsync(ct),
            nameof(Ticket.TeamId) => await db.Teams.Where(t => t.Id == (int)value).Select(t => t.Name).SingleOrDefaultAsync(ct),
            nameof(Ticket.CategoryId) => await db.Categories.Where(c => c.Id == (int)value).Select(c => c.Name).SingleOrDefaultAsync(ct),
            _ => Truncate(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    private static string? Truncate(string? s) => s is { Length: > MaxValue } ? s[..(MaxValue - 1)] + "…" : s;
}
