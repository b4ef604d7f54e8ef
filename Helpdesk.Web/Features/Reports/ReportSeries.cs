namespace Helpdesk.Web.Features.Reports;

/// <summary>One named row of numbers: a chart series, and a column of the figure's table.</summary>
public sealed record ReportSeries(string Name, IReadOnlyList<double> Values);
