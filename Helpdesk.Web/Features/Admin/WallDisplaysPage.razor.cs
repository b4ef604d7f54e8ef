using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Wall;
using MudBlazor;

namespace Helpdesk.Web.Features.Admin;

/// <summary>Admins list, create and delete wall displays; configured ones are listed (their keys stay in appsettings.json).</summary>
public partial class WallDisplaysPage
{
    private sealed record Row(int? Id, string Name, string Prefix, IReadOnlyList<string> Teams, bool ShowSubjects);

    private Caller? _caller;
    private IReadOnlyList<WallDisplayInfo>? _displays;
    private IReadOnlyList<TeamOption> _teamOptions = [];
    private NewWallDisplay? _created;
    private string? _name;
    private IReadOnlyCollection<int> _teams = [];
    private bool _showSubjects;
    private bool _busy;
    private Dictionary<string, string> _errors = [];

    private IEnumerable<Row> Rows =>
        Displays.Configured.Select(c => new Row(null, c.Name, "", c.Teams, c.ShowSubjects))
            .Concat((_displays ?? []).Select(d => new Row(d.Id, d.Name, d.Prefix, d.Teams, d.ShowSubjects)));

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentCaller.GetAsync();
        _teamOptions = await People.TeamsAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _displays = _caller is null ? [] : await Displays.ListAsync(_caller);

    private async Task CreateAsync()
    {
        if (_caller is null || _busy) return;
        _busy = true;
        try
        {
            var result = await Displays.CreateAsync(_caller, _name, [.. _teams], _showSubjects);
            _errors = result.Error?.Fields.ToDictionary(f => f.Key, f => string.Join(" ", f.Value)) ?? [];
            if (result.Value is not { } created) return;
            _created = created;
            _name = null;
            _teams = [];
            _showSubjects = false;
            await ReloadAsync();
        }
        finally { _busy = false; }
    }

    private async Task DeleteAsync(int id, string name)
    {
        if (_caller is null) return;
        var sure = await Dialogs.ShowMessageBoxAsync(L["Delete display"], L["Delete \"{0}\"? Its screen shows \"Not authorised\" from its next reload.", name],
            yesText: L["Delete"], cancelText: L["Cancel"]);
        if (sure != true) return;
        await Displays.DeleteAsync(_caller, id);
        await ReloadAsync();
    }
}
