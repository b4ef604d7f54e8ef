using System.Globalization;
using CsvHelper;
using Helpdesk.Core.Reports;

namespace Helpdesk.Tests.Core.Reports;

/// <summary>Each report's CSV parses back (CsvHelper) to the rows the report returned.</summary>
public sealed class ReportCsvTests(ReportsDesk desk) : IClassFixture<ReportsDesk>
{
    private ReportQueries Reports => desk.Db.Get<ReportQueries>();
    private static readonly ReportFilter Week = new() { From = new(2026, 3, 2), To = new(2026, 3, 9) };

    public static (IReadOnlyList<string> Header, List<string[]> Rows) Parse(string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        IReadOnlyList<string>? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers!];
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }
        return (header ?? [], rows);
    }

    private static void RoundTrips(CsvTable table)
    {
        var (header, rows) = Parse(ReportCsv.Write(table));
        Assert.Equal(table.Header, header);
        Assert.Equal(table.Rows.Select(r => r.ToArray()), rows);
    }

    private static double? D(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task TimesParseBackToTheSameRows()
    {
        var times = await Reports.TimesAsync(desk.Lead, Week);
        var (header, rows) = Parse(ReportCsv.Write(ReportCsv.Times(times!)));
        Assert.Equal("priority", header[0]);
        var parsed = rows.Select(r => new TimeRow(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), D(r[2]), D(r[3]), int.Parse(r[4], CultureInfo.InvariantCulture), D(r[5]), D(r[6])));
        Assert.Equal(times, parsed);
    }

    [Fact]
    public async Task EveryReportParsesBackToTheSameRows()
    {
        RoundTrips(ReportCsv.Volume((await Reports.VolumeAsync(desk.Lead, Week, false))!, "channel"));
        RoundTrips(ReportCsv.Volume((await Reports.VolumeAsync(desk.Lead, Week, true))!, "category"));
        RoundTrips(ReportCsv.Sla((await Reports.SlaAsync(desk.Lead, Week))!));
        RoundTrips(ReportCsv.Rates((await Reports.RatesAsync(desk.Lead, Week))!));
        RoundTrips(ReportCsv.Recurring((await Reports.RecurringAsync(desk.Lead, Week, RecurringDimension.Subject))!));
        RoundTrips(ReportCsv.History((await Reports.HistoryAsync(desk.Lead, Week with { Department = "Finance" }))!.Rows));
        RoundTrips(ReportCsv.Overview((await desk.Db.Get<OverviewQueries>().LoadAsync(desk.Lead))!));
    }

    [Fact]
    public void CommasQuotesLineBreaksAndAccentsSurviveAndFormulasAreNeutralised()
    {
        var rows = new[] { new RateRow("Réouvert, \"vraiment\"\nencore", 1, 2, 50.0) };
        RoundTrips(ReportCsv.Rates(rows));
        var (_, parsed) = Parse(ReportCsv.Write(ReportCsv.Rates([new RateRow("=HYPERLINK(\"x\")", 1, 1, 100)])));
        Assert.NotEqual('=', parsed[0][0][0]);
    }

    [Fact]
    public void TheFileIsUtf8WithAByteOrderMarkAndAHeaderRow()
    {
        var bytes = ReportCsv.Utf8(ReportCsv.Rates([new RateRow("Résolu", 1, 1, 100)]));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("measure,count,out_of,percent", System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.Contains("Résolu", System.Text.Encoding.UTF8.GetString(bytes));
    }
}
