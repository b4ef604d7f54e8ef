using Helpdesk.Core.Application;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Helpdesk.Web.Features.Admin.Fields;

/// <summary>Admins define, reorder, retire and restore custom fields (through <see cref="FieldAdmin"/>, which checks and audits every change).</summary>
public partial class FieldsPage
{
    [Inject] private CurrentCaller CurrentCaller { get; set; } = default!;
    [Inject] private FieldAdmin Admin { get; set; } = default!;
    [Inject] private CategoryQueries Categories { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private Caller? _caller;
    private IReadOnlyList<FieldSummary>? _fields;
    private IReadOnlyList<CategoryOption> _categories = [];
    private IReadOnlyList<string> _departments = [];
    private FieldForm? _form;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentCaller.GetAsync();
        if (_caller is null) return;
        _categories = await Categories.ActiveAsync();
        _departments = await Admin.DepartmentsAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _fields = await Admin.ListAsync(_caller!) ?? [];

    private bool Has(string field) => _errors.ContainsKey(field);
    private string? Err(string field) => _errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    private string TypeName(CustomFieldType type) => type switch
    {
        CustomFieldType.Text => L["Text"],
        CustomFieldType.LongText => L["Long text"],
        CustomFieldType.Number => L["Number"],
        CustomFieldType.Date => L["Date"],
        CustomFieldType.SingleChoice => L["One choice"],
        CustomFieldType.MultiChoice => L["Several choices"],
        CustomFieldType.Checkbox => L["Checkbox"],
        CustomFieldType.AssetReference => L["Asset or system"],
        _ => type.ToString(),
    };

    private string Scope(FieldDefinition f)
    {
        var categories = f.CategoryIds.Count == 0 ? L["every category"].Value
            : string.Join(", ", f.CategoryIds.Select(id => _categories.FirstOrDefault(c => c.Id == id)?.Path ?? "#" + id));
        return f.Departments.Count == 0 ? categories : L["{0}; departments: {1}", categories, string.Join(", ", f.Departments)];
    }

    private void Edit(FieldDefinition? f)
    {
        _errors = new Dictionary<string, string[]>();
        _form = f is null
            ? new FieldForm { Choices = [new ChoiceForm()] }
            : new FieldForm
            {
                Id = f.Id, Label = f.Label, HelpText = f.HelpText, Type = f.Type, IsRequired = f.IsRequired,
                Choices = [.. f.Choices.Select(c => new ChoiceForm { Key = c.Key, Label = c.Label, IsRetired = c.IsRetired })],
                CategoryIds = [.. f.CategoryIds], Departments = string.Join(", ", f.Departments),
            };
    }

    private void MoveChoice(int index, int delta)
    {
        var list = _form!.Choices;
        var target = index + delta;
        if (target < 0 || target >= list.Count) return;
        (list[index], list[target]) = (list[target], list[index]);
    }

    private async Task SaveAsync()
    {
        var f = _form!;
        _busy = true;
        try
        {
            var result = await Admin.SaveAsync(_caller!, new FieldInput(f.Id, f.Label ?? "", f.HelpText, f.Type, f.IsRequired,
                [.. f.Choices.Select(c => new ChoiceInput(c.Key, c.Label ?? "", c.IsRetired))], [.. f.CategoryIds],
                [.. (f.Departments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]));
            if (result.Error is { Kind: ErrorKind.Validation } invalid)
            {
                _errors = invalid.Fields;
                return;
            }
            if (result.Error is { } error) { Snackbar.Add(error.Message, Severity.Warning); return; }
            Snackbar.Add(L["Field \"{0}\" saved", f.Label ?? ""], Severity.Success);
            _form = null;
            await ReloadAsync();
        }
        finally { _busy = false; }
    }

    private async Task MoveAsync(FieldDefinition f, int delta)
    {
        if ((await Admin.MoveAsync(_caller!, f.Id, delta)).Error is { } error) Snackbar.Add(error.Message, Severity.Warning);
        await ReloadAsync();
    }

    private async Task RetireAsync(FieldDefinition f)
    {
        var result = await Admin.SetRetiredAsync(_caller!, f.Id, !f.IsRetired);
        Snackbar.Add(result.Error?.Message ?? (f.IsRetired ? L["{0} is asked again", f.Label] : L["{0} retired: no longer asked, old values stay", f.Label]),
            result.Error is null ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }

    private sealed class FieldForm
    {
        public int? Id { get; init; }
        public string? Label { get; set; }
        public string? HelpText { get; set; }
        public CustomFieldType Type { get; set; }
        public bool IsRequired { get; set; }
        public List<ChoiceForm> Choices { get; init; } = [];
        public IReadOnlyCollection<int> CategoryIds { get; set; } = [];
        public string? Departments { get; set; }
    }

    private sealed class ChoiceForm
    {
        public string? Key { get; init; }
        public string? Label { get; set; }
        public bool IsRetired { get; set; }
    }
}
