using Bunit;
using Helpdesk.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Reports;

/// <summary>Every report figure is a chart with a table of the same numbers a switch away.</summary>
public sealed class ReportFigureTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public ReportFigureTests()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<ReportFigure> Figure() => Render<ReportFigure>(p => p
        .Add(f => f.Id, "by-team")
        .Add(f => f.Title, "Open by team")
        .Add(f => f.LabelHeader, "Team")
        .Add(f => f.Labels, ["Service desk", "Network"])
        .Add(f => f.Series, [new ReportSeries("Open", [12, 3]), new ReportSeries("Breached", [1.5, 0])])
        .Add(f => f.CsvHref, "/reports/open.csv"));

    [Fact]
    public void TheSwitchShowsTheSameNumbersAsATableAndBack()
    {
        var figure = Figure();
        Assert.NotEmpty(figure.FindAll("[data-testid=by-team-chart] svg"));
        Assert.Empty(figure.FindAll("[data-testid=by-team-table]"));

        figure.Find("[data-figure=by-team] input[type=checkbox]").Change(true);

        var table = figure.Find("[data-testid=by-team-table]");
        Assert.Equal(["Team", "Open", "Breached"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Service desk", "12", "1.5"], rows[0]);
        Assert.Equal(["Network", "3", "0"], rows[1]);
        Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Empty(figure.FindAll("[data-testid=by-team-chart]"));

        figure.Find("[data-figure=by-team] input[type=checkbox]").Change(false);
        Assert.NotEmpty(figure.FindAll("[data-testid=by-team-chart]"));
    }

    [Fact]
    public void TheSwitchIsALabelledCheckboxAndTheCsvLinkNamesItsFigure()
    {
        var figure = Figure();
        var input = figure.Find("[data-figure=by-team] input[type=checkbox]");
        Assert.Equal("checkbox", input.GetAttribute("type"));
        Assert.Contains("Table view", input.Closest("label")!.TextContent);
        var csv = figure.Find("a[href='/reports/open.csv']");
        Assert.Equal("Download Open by team as CSV", csv.GetAttribute("aria-label"));
    }

    [Fact]
    public void AnEmptySelectionSaysSoInsteadOfDrawingNothing()
    {
        var figure = Render<ReportFigure>(p => p.Add(f => f.Id, "x").Add(f => f.Title, "X").Add(f => f.Labels, []).Add(f => f.Series, []));
        Assert.Contains("No tickets in this selection.", figure.Markup);
    }
}
