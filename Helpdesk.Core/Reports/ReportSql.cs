using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Helpdesk.Core.Reports;

/// <summary>
/// A report query in SQL with its parameters. Reports group and rank in the database (GROUP BY,
/// window functions for percentiles) and read back only the aggregated rows.
/// </summary>
internal sealed class ReportSql
{
    private readonly StringBuilder _where = new();
    private readonly List<(string Name, object? Value)> _parameters = [];

    /// <summary>Timestamps are stored as EF Core writes them for SQLite; parameters use the same text so comparisons are plain string order.</summary>
    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The start of a stored stamp's UTC hour ("2026-03-02 09"): the unit the database groups by before local days.</summary>
    public static DateTime ParseHour(string hour) =>
        DateTime.SpecifyKind(DateTime.ParseExact(hour, "yyyy-MM-dd HH", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>Seconds from creation to the first public reply.</summary>
    public const string FirstResponseSeconds = """((julianday(t."FirstRespondedAt") - julianday(t."CreatedAt")) * 86400.0)""";

    /// <summary>
    /// Seconds from creation to the (last) resolution, less the time the ticket was pending on the
    /// requester or stood resolved before being reopened: the stretches its SLA clock was paused.
    /// </summary>
    public const string ResolutionSeconds = """
        ((julianday(t."ResolvedAt") - julianday(t."CreatedAt") - COALESCE((SELECT SUM(julianday(MIN(p."To", t."ResolvedAt")) - julianday(p."From"))
          FROM "SlaPauses" p WHERE p."TicketId" = t."Id" AND p."To" IS NOT NULL AND p."From" < t."ResolvedAt"), 0)) * 86400.0)
        """;

    public string Where => _where.Length == 0 ? "1" : _where.ToString();

    public ReportSql And(string condition)
    {
        if (_where.Length > 0) _where.Append(" AND ");
        _where.Append('(').Append(condition).Append(')');
        return this;
    }

    public string Param(object? value)
    {
        var name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value switch
        {
            DateTime d => Stamp(d),
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            _ => value,
        }));
        return name;
    }

    /// <summary>The filter's conditions on tickets <c>t</c> created in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static ReportSql For(ReportFilter f, DateTime fromUtc, DateTime toUtc, IReadOnlyCollection<int>? categoryIds)
    {
        var q = new ReportSql();
        q.And($"""t."CreatedAt" >= {q.Param(fromUtc)} AND t."CreatedAt" < {q.Param(toUtc)}""");
        q.Filters(f, categoryIds);
        return q;
    }

    /// <summary>Every filter but the date range.</summary>
    public ReportSql Filters(ReportFilter f, IReadOnlyCollection<int>? categoryIds)
    {
        if (f.TeamId is { } team) And($"""t."TeamId" = {Param(team)}""");
        if (categoryIds is { Count: > 0 }) And($"""t."CategoryId" IN ({string.Join(", ", categoryIds.Select(id => Param(id)))})""");
        if (f.Channel is { } channel) And($"""t."Channel" = {Param(channel)}""");
        if (f.AgentId is { } agent) And($"""t."AssigneeId" = {Param(agent)}""");
        if (f.RequesterId is { } requester) And($"""t."RequesterId" = {Param(requester)}""");
        if (f.Department is { } department)
            And($"""t."RequesterId" IN (SELECT u."Id" FROM "AspNetUsers" u WHERE u."Department" = {Param(department)})""");
        return this;
    }

    public DbCommand Command(DbConnection connection, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in _parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var cmd = Command(connection, sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    public async Task<T> OneAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken ct) =>
        (await ListAsync(connection, sql, read, ct)).Single();

    public static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
    public static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
