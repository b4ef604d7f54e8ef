using Helpdesk.Core.Data;
using Helpdesk.Core.Data.Transfer;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Hosting;

/// <summary>
/// <c>dotnet run --project Helpdesk.Web -- migrate-to-postgres "Host=...;Database=helpdesk;Username=...;Password=..."</c>:
/// copies the SQLite database appsettings.json names into an empty PostgreSQL database (created and
/// migrated as needed), keeping ticket numbers, conversations, audit, accounts and the event sequence.
/// Then set Database:Provider to "PostgreSQL" and Database:ConnectionString to the same string.
/// </summary>
public static class MigrateToPostgresCommand
{
    public const string Name = "migrate-to-postgres";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine($"Usage: dotnet run --project Helpdesk.Web -- {Name} \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }
        await using var services = builder.Services.BuildServiceProvider();
        var source = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!source.IsSqlite)
        {
            Console.Error.WriteLine($"{Name}: Database:Provider is \"{source.Provider}\"; the command reads the SQLite database appsettings.json names.");
            return 2;
        }
        try
        {
            var report = await services.GetRequiredService<SqliteToPostgres>().RunAsync(source.ResolveSqlite(), args[1]);
            foreach (var (table, rows) in report.Tables.Where(t => t.Rows > 0))
                Console.WriteLine($"{table,-32} {rows,10:N0}");
            Console.WriteLine($"Copied {report.Rows:N0} rows from {source.ConnectionString}. Now set Database:Provider to \"PostgreSQL\" and Database:ConnectionString to the PostgreSQL connection string.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"{Name} failed: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
