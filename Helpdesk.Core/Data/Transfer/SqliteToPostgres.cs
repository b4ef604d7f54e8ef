using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Helpdesk.Core.Data.Transfer;

/// <summary>What was copied: rows per table, in the order they were written.</summary>
public sealed record TransferReport(IReadOnlyList<(string Table, long Rows)> Tables)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Moves a SQLite database into an empty PostgreSQL database, row for row: every table of the model
/// with its own ids (ticket numbers, conversation, audit, the event log and its sequence, accounts,
/// keys, cursors of the outboxes), in one PostgreSQL transaction, parents before children; then the
/// identity sequences continue after the highest id. The SQLite file is only read (its pending
/// migrations are applied first, as the app would at start-up). Refuses a target that holds data.
/// </summary>
public sealed class SqliteToPostgres(ILogger<SqliteToPostgres> log)
{
    public async Task<TransferReport> RunAsync(string sqliteConnectionString, string postgresConnectionString, CancellationToken ct = default)
    {
        var sqliteOptions = (DbContextOptions<HelpdeskDbContext>)new DbContextOptionsBuilder<HelpdeskDbContext>().Use(new DatabaseOptions { ConnectionString = sqliteConnectionString }).Options;
        var postgresOptions = (DbContextOptions<HelpdeskDbContext>)DatabaseProvider.UsePostgres(new DbContextOptionsBuilder<HelpdeskDbContext>(), postgresConnectionString).Options;

        await using (var source = new HelpdeskDbContext(sqliteOptions))
            if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
                await source.Database.MigrateAsync(ct);

        await using var target = new HelpdeskDbContext(postgresOptions);
        await target.Database.MigrateAsync(ct);
        if (await target.Users.AnyAsync(ct) || await target.Tickets.AnyAsync(ct) || await target.Events.AnyAsync(ct))
            throw new InvalidOperationException("The PostgreSQL database already holds data: migrate into a new, empty database.");

        var tables = Ordered(target.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.Where(t => !t.IsExcludedFromMigrations).ToList());
        await using var sqlite = new SqliteConnection(new DatabaseOptions { ConnectionString = sqliteConnectionString }.ResolveSqlite());
        await sqlite.OpenAsync(ct);
        await using var postgres = new NpgsqlConnection(postgresConnectionString);
        await postgres.OpenAsync(ct);
        await using var tx = await postgres.BeginTransactionAsync(ct);

        var copied = new List<(string, long)>();
        foreach (var table in tables)
        {
            var rows = await CopyAsync(table, sqlite, postgres, ct);
            copied.Add((table.Name, rows));
            log.LogInformation("Copied {Rows} row(s) of {Table}", rows, table.Name);
        }
        foreach (var table in tables)
            foreach (var column in table.Columns.Where(IsIdentity))
                await ExecuteAsync(postgres, $"""SELECT setval(pg_get_serial_sequence('"{table.Name}"', '{column.Name}'), COALESCE((SELECT MAX("{column.Name}") FROM "{table.Name}"), 0) + 1, false)""", ct);
        await tx.CommitAsync(ct);
        return new TransferReport(copied);
    }

    private static async Task<long> CopyAsync(ITable table, SqliteConnection sqlite, NpgsqlConnection postgres, CancellationToken ct)
    {
        var columns = table.Columns.Where(c => c.ComputedColumnSql is null).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var read = sqlite.CreateCommand();
        var key = table.PrimaryKey?.Columns.Select(c => $"\"{c.Name}\"") ?? [];
        read.CommandText = $"SELECT {names} FROM \"{table.Name}\" {(key.Any() ? "ORDER BY " + string.Join(", ", key) : "")}";
        await using var reader = await read.ExecuteReaderAsync(ct);

        // Binary COPY: the fastest way in, and every value is typed as its column is.
        await using var import = await postgres.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i)) await import.WriteNullAsync(ct);
                else await import.WriteAsync(Convert(reader.GetValue(i), columns[i].ProviderClrType), columns[i].StoreType.Split('(')[0], ct);
            }
            rows++;
        }
        await import.CompleteAsync(ct);
        return rows;
    }

    /// <summary>A SQLite value (INTEGER, REAL, TEXT or BLOB) as the CLR type PostgreSQL's column takes.</summary>
    internal static object Convert(object value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == value.GetType() && type != typeof(DateTime) => value,
            _ when type == typeof(bool) => System.Convert.ToInt64(value, inv) != 0,
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(value is DateTime d ? d : DateTime.Parse((string)value, inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse((string)value, inv).ToUniversalTime(),
            _ when type == typeof(DateOnly) => DateOnly.Parse((string)value, inv),
            _ when type == typeof(TimeOnly) => TimeOnly.Parse((string)value, inv),
            _ when type == typeof(TimeSpan) => TimeSpan.Parse((string)value, inv),
            _ when type == typeof(Guid) => value is byte[] b ? new Guid(b) : Guid.Parse((string)value),
            _ when type == typeof(decimal) => value is string s ? decimal.Parse(s, inv) : System.Convert.ToDecimal(value, inv),
            _ when type == typeof(string) => System.Convert.ToString(value, inv)!,
            _ when type == typeof(byte[]) => value,
            _ => System.Convert.ChangeType(value, type, inv),
        };
    }

    private static bool IsIdentity(IColumn column) =>
        column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd && m.Property.IsPrimaryKey()
            && m.Property.ClrType is var t && (t == typeof(int) || t == typeof(long)));

    /// <summary>Tables with the tables they point at first (a table pointing at itself, e.g. categories, copies parents by id order).</summary>
    private static List<ITable> Ordered(List<ITable> tables)
    {
        var done = new List<ITable>();
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable) || !tables.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException("Tables refer to each other in a cycle: " + string.Join(", ", pending.Select(t => t.Name)));
            done.Add(ready);
            pending.Remove(ready);
        }
        return done;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
