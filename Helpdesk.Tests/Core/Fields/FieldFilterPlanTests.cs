using System.Text.RegularExpressions;
using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Fields;

/// <summary>
/// Filtering by a custom field stays an index seek with 100,000 tickets and 200 fields in use: the
/// values are rows (key, value), never columns, and the filter reads IX_FieldValues_Key_Value.
/// </summary>
// Fills a SQLite file directly and reads EXPLAIN QUERY PLAN: not part of the PostgreSQL pass (scripts/test.sh).
[Trait("Database", "SqliteOnly")]
public sealed partial class FieldFilterPlanTests(FieldFilterPlanTests.ManyTicketsWithFields fixture) : IClassFixture<FieldFilterPlanTests.ManyTicketsWithFields>
{
    [Theory]
    [InlineData(QueueView.AllOpen)]
    [InlineData(QueueView.All)]
    [InlineData(QueueView.MyTeams)]
    public async Task FilteringByAFieldSeeksTheKeyValueIndex(QueueView view)
    {
        var plan = await PlanAsync(fixture.Desk.Admin, new QueueQuery { View = view, Fields = [new FieldFilter("field-7", "v3")] });

        Assert.Contains(plan, step => step.Contains("IX_FieldValues_Key_Value", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN f", StringComparison.Ordinal) || step.Contains("SCAN FieldValues", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFilterFindsExactlyTheTicketsWithThatValue()
    {
        var queries = fixture.Db.Get<TicketQueries>();

        var page = await queries.ListAsync(fixture.Desk.Admin, new QueueQuery { View = QueueView.All, Fields = [new FieldFilter("field-7", "v3")], Take = 5 });
        var both = await queries.ListAsync(fixture.Desk.Admin, new QueueQuery
        {
            View = QueueView.All, Fields = [new FieldFilter("field-7", "v3"), new FieldFilter("os", "windows-11")], Take = 5,
        });

        Assert.Equal(fixture.WithField7V3, page.Total);
        Assert.Equal(fixture.WithField7V3AndWindows11, both.Total);
    }

    private async Task<List<string>> PlanAsync(Caller caller, QueueQuery query)
    {
        await using var db = fixture.Db.CreateDbContext();
        var lines = fixture.Db.Get<TicketQueries>().ToSql(db, caller, query).Split('\n');
        await using var connection = new SqliteConnection(fixture.Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var param in lines.Select(l => ParamLine().Match(l)).Where(m => m.Success))
        {
            var value = param.Groups["value"].Value.Trim();
            command.Parameters.AddWithValue(param.Groups["name"].Value,
                value.StartsWith('\'') ? value.Trim('\'').Replace("''", "'") : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }

    [GeneratedRegex(@"^\.param set (?<name>@\w+) (?<value>.+)$")]
    private static partial Regex ParamLine();

    /// <summary>
    /// 100,000 tickets (cloned in SQL from one made by the domain), each with an "os" value and two of
    /// 200 other fields with 10 values each (300,000 value rows), then ANALYZE.
    /// </summary>
    public sealed class ManyTicketsWithFields : DeskFixture
    {
        public const int Count = 100_000;
        public int WithField7V3 { get; private set; }
        public int WithField7V3AndWindows11 { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = Db.CreateDbContext();
            db.Tickets.Add(Ticket.Create(TicketNumber.First, new NewTicketData
            {
                RequesterId = Desk.Alice.UserId, CategoryId = Desk.General, Subject = "Template", Description = "Cloned below.",
            }, Desk.ServiceDesk, Tier.L1, new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();

            await using var connection = new SqliteConnection(Db.ConnectionString);
            await connection.OpenAsync();
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = "SELECT name FROM pragma_table_info('Tickets') WHERE name NOT IN ('Id', 'Number', 'UpdatedAt', 'IsOpen')";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add('"' + reader.GetString(0) + '"');
            }
            var list = string.Join(", ", columns);
            await using var tx = connection.BeginTransaction();
            await using (var fill = connection.CreateCommand())
            {
                fill.Transaction = tx;
                fill.CommandText = $"""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Count - 1})
                    INSERT INTO Tickets ("Number", "UpdatedAt", "IsOpen", {list})
                    SELECT {TicketNumber.First} + i, datetime('2025-01-01', '+' || i || ' minutes'), i % 5 <> 0, {list} FROM n, (SELECT {list} FROM Tickets LIMIT 1);
                    INSERT INTO FieldValues ("TicketId", "Key", "Value")
                    SELECT Id, 'os', CASE Id % 3 WHEN 0 THEN 'windows-11' WHEN 1 THEN 'windows-10' ELSE 'macos' END FROM Tickets;
                    INSERT INTO FieldValues ("TicketId", "Key", "Value") SELECT Id, 'field-' || (Id % 200), 'v' || (Id % 10) FROM Tickets;
                    INSERT INTO FieldValues ("TicketId", "Key", "Value") SELECT Id, 'field-' || ((Id * 7 + 3) % 200), 'v' || (Id % 7) FROM Tickets
                        WHERE (Id * 7 + 3) % 200 <> Id % 200;
                    ANALYZE;
                    """;
                await fill.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            WithField7V3 = await db.FieldValues.CountAsync(v => v.Key == "field-7" && v.Value == "v3");
            WithField7V3AndWindows11 = await db.FieldValues.Where(v => v.Key == "field-7" && v.Value == "v3")
                .CountAsync(v => db.FieldValues.Any(o => o.TicketId == v.TicketId && o.Key == "os" && o.Value == "windows-11"));
            Assert.True(WithField7V3 > 0 && WithField7V3AndWindows11 > 0);
        }
    }
}
