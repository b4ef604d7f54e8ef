using Microsoft.Data.Sqlite;

namespace Helpdesk.Core.Data;

/// <summary>appsettings.json "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "PostgreSQL";

    /// <summary>"Sqlite" (embedded, the default) or "PostgreSQL" (several servers, larger desks).</summary>
    public string Provider { get; set; } = SqliteProvider;
    public string ConnectionString { get; set; } = "Data Source=data/helpdesk.db";
    /// <summary>Where a relative SQLite path is taken from: the folder of the operator's appsettings.json.</summary>
    public string? BaseDirectory { get; set; }

    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "Npgsql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string with the SQLite file made absolute and its folder created.</summary>
    public string ResolveSqlite()
    {
        var csb = new SqliteConnectionStringBuilder(ConnectionString);
        if (csb.DataSource is not (":memory:" or "") && csb.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
                csb.DataSource = Path.GetFullPath(Path.Combine(BaseDirectory ?? AppContext.BaseDirectory, csb.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        csb.Pooling = true;
        return csb.ToString();
    }
}
