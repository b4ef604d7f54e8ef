using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Helpdesk.Core.Reports;

/// <summary>
/// A report query in SQL with its parameters. Reports group and rank in the database (GROUP BY,
/// window functions for percentiles) and read back only the aggregated rows.
/// </summary>
internal sealed class ReportSql(bool postgres)
{
    private readonly StringBuilder _where = new();

    /// <summary>PostgreSQL (timestamps as timestamptz) rather than SQLite (timestamps as ISO text).</summary>
    public bool Postgres { get; } = postgres;
    private readonly List<(string Name, object? Value)> _parameters = [];

    /// <summary>SQLite stores timestamps as EF Core writes them; its parameters use the same text so comparisons are plain string order.</summary>
    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The start of a stored stamp's UTC hour ("2026-03-02 09"): the unit the database groups by before local days.</summary>
    public static DateTime ParseHour(string hour) =>
        DateTime.SpecifyKind(DateTime.ParseExact(hour, "yyyy-MM-dd HH", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>Seconds from <paramref name="earlier"/> to <paramref name="later"/>.</summary>
    public string Seconds(string later, string earlier) => Postgres
        ? $"CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) AS double precision)"
        : $"((julianday({later}) - julianday({earlier})) * 86400.0)";

    /// <summary>A timestamp's UTC hour as "yyyy-MM-dd HH" (see <see cref="ParseHour"/>).</summary>
    public string Hour(string column) => Postgres ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')" : $"substr({column}, 1, 13)";

    /// <summary>How many rows satisfy <paramref name="condition"/> (0 when none): portable, unlike SUM of a boolean.</summary>
    public static string Count(string condition) => $"COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)";

    /// <summary>Seconds from creation to the first public reply.</summary>
    public string FirstResponseSeconds => Seconds("t.\"FirstRespondedAt\"", "t.\"CreatedAt\"");

    /// <summary>
    /// Seconds from creation to the (last) resolution, less the time the ticket was pending on the
    /// requester or stood resolved before being reopened: the stretches its SLA clock was paused.
    /// </summary>
    public string ResolutionSeconds
    {
        get
        {
            var pauseEnd = Postgres ? "LEAST(p.\"To\", t.\"ResolvedAt\")" : "MIN(p.\"To\", t.\"ResolvedAt\")";
            return $"({Seconds("t.\"ResolvedAt\"", "t.\"CreatedAt\"")} - COALESCE((SELECT SUM({Seconds(pauseEnd, "p.\"From\"")}) " +
                "FROM \"SlaPauses\" p WHERE p.\"TicketId\" = t.\"Id\" AND p.\"To\" IS NOT NULL AND p.\"From\" < t.\"ResolvedAt\"), 0))";
        }
    }

    public string Where => _where.Length == 0 ? "1" : _where.ToString();

    public ReportSql And(string condition)
    {
        if (_where.Length > 0) _where.Append(" AND ");
        _where.Append('(').Append(condition).Append(')');
        return this;
    }

    public string Param(object? value)
    {
        var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value switch
        {
            DateTime d when Postgres => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            DateTime d => Stamp(d),
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            _ => value,
        }));
        return name;
    }

    /// <summary>The filter's conditions on tickets <c>t</c> created in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static ReportSql For(ReportFilter f, DateTime fromUtc, DateTime toUtc, IReadOnlyCollection<int>? categoryIds, bool postgres)
    {
        var q = new ReportSql(postgres);
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

    // Converted rather than read as one type: PostgreSQL answers bigint and numeric where SQLite answers integer and real.
    public static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
    public static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
    public static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : Int(r, i);
    public static bool Bool(DbDataReader r, int i) => Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>A stored timestamp: a DateTime from PostgreSQL, ISO text from SQLite.</summary>
    public static DateTime Utc(DbDataReader r, int i) => r.GetValue(i) switch
    {
        DateTime d => DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc),
        var v => DateTime.SpecifyKind(DateTime.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };
    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
