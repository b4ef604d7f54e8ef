using System.Globalization;
using CsvHelper;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Admin;

/// <param name="Ticket">A ticket number ("HD-1042"): only its changes.</param>
/// <param name="PersonId">Changes made by this person, and admin changes to them.</param>
/// <param name="Area">Only admin changes of this kind (fields, settings...); null: tickets and admin changes.</param>
/// <param name="Subject">Part of what was changed: a setting key or name, a field, a category.</param>
public sealed record AuditFilter(string? Ticket = null, int? PersonId = null, AdminArea? Area = null, string? Subject = null,
    DateTime? From = null, DateTime? To = null, int Take = 200);

/// <param name="Kind">"Ticket", or the admin area.</param>
/// <param name="Subject">"HD-1042 Laptop will not start", a setting's name, a field's label.</param>
public sealed record AuditRow(DateTime At, string? Actor, string Kind, string Subject, string Field, string? Before, string? After, int? TicketNumber);

/// <summary>The audit viewer: ticket changes and admin changes in one list, newest first, filtered; and the same as CSV.</summary>
public sealed class AuditQueries(IDbContextFactory<HelpdeskDbContext> dbs, FieldCatalog fields)
{
    public const int MaxRows = 5_000;

    public async Task<IReadOnlyList<AuditRow>?> SearchAsync(Caller caller, AuditFilter filter, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        var take = Math.Clamp(filter.Take, 1, MaxRows);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var set = await fields.GetAsync(ct);
        var rows = new List<AuditRow>();

        if (filter.Area is null)
        {
            var number = Tickets.TicketNumber.TryParse(filter.Ticket, out var n) ? n : (int?)null;
            if (filter.Ticket is { Length: > 0 } && number is null) return [];
            var q = from a in db.Audit
                    join t in db.Tickets on a.TicketId equals t.Id
                    join u in db.Users on a.ActorId equals u.Id into us
                    from u in us.DefaultIfEmpty()
                    select new { a.Id, a.At, a.ActorId, Actor = u == null ? null : u.DisplayName, t.Number, t.Subject, a.Field, a.OldValue, a.NewValue };
            if (number is { } num) q = q.Where(x => x.Number == num);
            if (filter.PersonId is { } person) q = q.Where(x => x.ActorId == person);
            if (filter.From is { } from) q = q.Where(x => x.At >= from);
            if (filter.To is { } to) q = q.Where(x => x.At < to);
            if (filter.Subject is { Length: > 0 } subject) q = q.Where(x => x.Field.Contains(subject));
            rows.AddRange((await q.OrderByDescending(x => x.Id).Take(take).ToListAsync(ct)).Select(x => new AuditRow(x.At, x.Actor, "Ticket",
                $"{Tickets.TicketNumber.Format(x.Number)} {x.Subject}", FieldName(set, x.Field), x.OldValue, x.NewValue, x.Number)));
        }
        if (filter.Ticket is not { Length: > 0 })
        {
            var q = from c in db.AdminChanges
                    join u in db.Users on c.ActorId equals u.Id into us
                    from u in us.DefaultIfEmpty()
                    select new { c.Id, c.At, c.ActorId, Actor = u == null ? null : u.DisplayName, c.Area, c.SubjectKey, c.SubjectName, c.Field, c.OldValue, c.NewValue };
            if (filter.Area is { } area) q = q.Where(x => x.Area == area);
            if (filter.PersonId is { } person)
            {
                var key = person.ToString(CultureInfo.InvariantCulture);
                q = q.Where(x => x.ActorId == person || (x.Area == AdminArea.Person && x.SubjectKey == key));
            }
            if (filter.From is { } from) q = q.Where(x => x.At >= from);
            if (filter.To is { } to) q = q.Where(x => x.At < to);
            if (filter.Subject is { Length: > 0 } subject) q = q.Where(x => x.SubjectKey.Contains(subject) || x.SubjectName.Contains(subject));
            rows.AddRange((await q.OrderByDescending(x => x.Id).Take(take).ToListAsync(ct)).Select(x => new AuditRow(x.At, x.Actor, x.Area.ToString(),
                x.SubjectName, x.Field, x.OldValue, x.NewValue, null)));
        }
        return [.. rows.OrderByDescending(r => r.At).Take(take)];
    }

    /// <summary>The filtered log as CSV (UTC times, ISO 8601), for spreadsheets and auditors.</summary>
    public async Task<string?> CsvAsync(Caller caller, AuditFilter filter, CancellationToken ct = default)
    {
        var rows = await SearchAsync(caller, filter with { Take = MaxRows }, ct);
        if (rows is null) return null;
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Subjects and values are typed by anyone: a leading = + - @ must not become a spreadsheet formula.
        await using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(["at_utc", "who", "kind", "subject", "field", "before", "after"]);
            foreach (var r in rows)
                csv.WriteRecord([r.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.Actor ?? "System", r.Kind, r.Subject, r.Field, r.Before ?? "", r.After ?? ""]);
            await csv.FlushAsync(ct);
        }
        return text.ToString();
    }

    private static string FieldName(FieldSet set, string field) =>
        field.StartsWith(AuditRecorder.CustomFieldPrefix, StringComparison.Ordinal)
            ? set[field[AuditRecorder.CustomFieldPrefix.Length..]]?.Label ?? field
            : field;
}
