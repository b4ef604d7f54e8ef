using System.Globalization;
using System.Text;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>A page of a cursor-paged list; <see cref="Next"/> is null on the last page.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, TicketCursor? Next);

/// <summary>
/// Where a page ended, in the order of a sort: the sort keys of its last row (timestamp, id...).
/// Opaque to clients (<see cref="Encode"/>: URL-safe base64); only valid with the same sort.
/// </summary>
public sealed record TicketCursor(QueueSort Sort, long Ticks, int Id, int Value)
{
    public static TicketCursor After(TicketRow last, QueueSort sort) => sort switch
    {
        QueueSort.UpdatedDesc or QueueSort.UpdatedAsc => new(sort, last.UpdatedAt.Ticks, last.Id, 0),
        QueueSort.CreatedDesc or QueueSort.CreatedAsc => new(sort, last.CreatedAt.Ticks, last.Id, 0),
        QueueSort.PriorityAsc => new(sort, last.UpdatedAt.Ticks, last.Id, (int)last.Priority),
        QueueSort.SlaDueAsc => new(sort, last.SlaDueAt?.Ticks ?? 0, last.Id, last.SlaDueAt is null ? 1 : 0),
        _ => new(sort, 0, last.Id, last.Number),
    };

    public string Encode()
    {
        var text = string.Join('.', "1", (int)Sort, Ticks, Id, Value);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? encoded, out TicketCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > 100) return false;
        try
        {
            var b64 = encoded.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(b64)).Split('.');
            if (parts is not ["1", var sort, var ticks, var id, var value]) return false;
            var s = (QueueSort)int.Parse(sort, CultureInfo.InvariantCulture);
            if (!Enum.IsDefined(s)) return false;
            cursor = new TicketCursor(s, long.Parse(ticks, CultureInfo.InvariantCulture), int.Parse(id, CultureInfo.InvariantCulture),
                int.Parse(value, CultureInfo.InvariantCulture));
            return cursor.Ticks is >= 0 and <= 3155378975999999999;
        }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
    }
}

/// <summary>
/// The queues with keyset ("cursor") paging, for the API: the same filters and access rule as
/// <see cref="TicketQueries"/> (its <c>Filter</c>), then "after the last row", written as a range
/// on the sort's leading column so SQLite seeks in the partial open-ticket indexes instead of
/// counting rows to skip. Pages stay stable while tickets are added.
/// </summary>
public sealed class TicketFeed(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public async Task<CursorPage<TicketRow>> PageAsync(Caller caller, QueueQuery query, TicketCursor? after, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, TicketQueries.MaxPage);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Query(db, caller, query, after).Take(take + 1).ToListAsync(ct);
        if (rows.Count <= take) return new CursorPage<TicketRow>(rows, null);
        rows.RemoveAt(take);
        return new CursorPage<TicketRow>(rows, TicketCursor.After(rows[^1], query.Sort));
    }

    /// <summary>The page's SQL, for tests that check the plan uses an index.</summary>
    public string ToSql(HelpdeskDbContext db, Caller caller, QueueQuery query, TicketCursor? after) =>
        Query(db, caller, query, after).Take(Math.Clamp(query.Take, 1, TicketQueries.MaxPage) + 1).ToQueryString();

    private static IQueryable<TicketRow> Query(HelpdeskDbContext db, Caller caller, QueueQuery query, TicketCursor? after)
    {
        var tickets = TicketQueries.Filter(db, caller, query);
        if (after is not null) tickets = After(tickets, after);
        return TicketQueries.Sort(TicketRows.Project(db, tickets), query.Sort);
    }

    private static IQueryable<Ticket> After(IQueryable<Ticket> t, TicketCursor c)
    {
        var at = new DateTime(c.Ticks, DateTimeKind.Utc);
        var id = c.Id;
        var value = c.Value;
        return c.Sort switch
        {
            QueueSort.UpdatedAsc => t.Where(x => x.UpdatedAt >= at && (x.UpdatedAt > at || x.Id > id)),
            QueueSort.CreatedDesc => t.Where(x => x.CreatedAt <= at && (x.CreatedAt < at || x.Id < id)),
            QueueSort.CreatedAsc => t.Where(x => x.CreatedAt >= at && (x.CreatedAt > at || x.Id > id)),
            QueueSort.PriorityAsc => t.Where(x => (int)x.Priority >= value
                && ((int)x.Priority > value || x.UpdatedAt < at || (x.UpdatedAt == at && x.Id < id))),
            QueueSort.NumberDesc => t.Where(x => x.Number < value),
            // Tickets with a due time come first (value 0), then those without (value 1), each by id.
            QueueSort.SlaDueAsc => value == 1
                ? t.Where(x => x.SlaDueAt == null && x.Id > id)
                : t.Where(x => x.SlaDueAt == null || x.SlaDueAt > at || (x.SlaDueAt == at && x.Id > id)),
            _ => t.Where(x => x.UpdatedAt <= at && (x.UpdatedAt < at || x.Id < id)),
        };
    }
}
