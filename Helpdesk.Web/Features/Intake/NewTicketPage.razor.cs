using Helpdesk.Web.Components.Shared;
using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.Fields;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Helpdesk.Web.Features.Intake;

/// <summary>
/// An agent logs a call while the caller is on the line: find or add the requester, then the same
/// category-first fields as the portal's form. Keyboard-first: the requester box has focus on load,
/// Tab follows the form, Ctrl+Enter creates the ticket, and nothing typed is lost on an error.
/// </summary>
public sealed partial class NewTicketPage
{
    private IReadOnlyList<CategoryOption> _categories = [];
    private Caller? _caller;
    private PersonOption? _requester;
    private string? _typed;
    private bool _addingPerson;
    private Channel _channel = Channel.Phone;
    private int? _categoryId;
    private string _subject = "";
    private string _description = "";
    private Impact _impact = Impact.Individual;
    private Urgency _urgency = Urgency.Soon;
    private bool _assignToMe = true;
    private readonly SystemInput _system = new();
    private IReadOnlyDictionary<string, string[]> _fieldErrors = new Dictionary<string, string[]>();
    private string? _error;
    private bool _busy;
    private IReadOnlyList<FieldDefinition> _fields = [];
    private readonly Dictionary<string, string> _values = [];
    private IDisposable? _adminChanges;

    private ElementReference _root;
    private MudAutocomplete<PersonOption>? _requesterBox;
    private MudSelect<int?>? _categoryBox;
    private IJSObjectReference? _shortcuts;
    private Func<Task>? _afterRender;

    private bool NeedsSystem => _categories.FirstOrDefault(c => c.Id == _categoryId)?.NeedsSystemDetails == true;
    private bool Has(string field) => _fieldErrors.ContainsKey(field);
    private string? Err(string field) => _fieldErrors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    private string RequesterHelp => _requester is null ? L["Type a name, e-mail or department."] : Describe(_requester);

    private static string Describe(PersonOption person) =>
        string.Join(" · ", new[] { person.Email, person.Department }.Where(s => !string.IsNullOrWhiteSpace(s)));

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentCaller.GetAsync();
        _categories = await Categories.ActiveAsync();
        // A field an admin adds meanwhile shows at once; what was typed stays.
        _adminChanges = AdminSignal.Subscribe(area =>
        {
            if (area is not (AdminArea.Field or AdminArea.Category)) return;
            _ = InvokeAsync(async () =>
            {
                _categories = await Categories.ActiveAsync();
                await RefreshFieldsAsync();
                StateHasChanged();
            });
        });
    }

    /// <summary>The category's fields, and those of the requester's department (chosen before or after).</summary>
    private async Task RefreshFieldsAsync() =>
        _fields = _categoryId is null ? [] : (await FieldCatalog.GetAsync()).ApplicableTo(_categoryId, _requester?.Department);

    private async Task CategoryChosenAsync()
    {
        ClearError("CategoryId");
        await RefreshFieldsAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _shortcuts = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["Features/Intake/NewTicketPage.razor.js"]);
            if (_shortcuts is not null) await _shortcuts.InvokeVoidAsync("attach", _root);
            if (_requesterBox is not null) await _requesterBox.FocusAsync();
        }
        if (_afterRender is { } then)
        {
            _afterRender = null;
            await then();
        }
    }

    // The box does nothing on focus (it opens as the agent types): focus-time work answers after a round trip
    // and could pull the caret back from the field the agent has already tabbed to.
    private async Task<IEnumerable<PersonOption>> FindPeopleAsync(string? text, CancellationToken ct) =>
        _caller is null ? [] : await People.FindPeopleAsync(_caller, text, 20, ct);

    private async Task RequesterChosen(PersonOption? person)
    {
        _requester = person;
        if (person is not null) ClearError("RequesterId");
        await RefreshFieldsAsync();
    }

    // Leaving the box empties it when nobody was picked; keep the search so "New person" can start from it.
    private void RequesterTyped(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        _typed = text == _requester?.DisplayName ? null : text;
    }

    private void OpenNewPerson() => _addingPerson = true;

    private void CloseNewPerson()
    {
        _addingPerson = false;
        _afterRender = async () => { if (_requesterBox is not null) await _requesterBox.FocusAsync(); };
    }

    private async Task PersonAdded(PersonOption person)
    {
        _addingPerson = false;
        await RequesterChosen(person);
        _afterRender = async () => { if (_categoryBox is not null) await _categoryBox.FocusAsync(); };
    }

    private async Task SubmitAsync()
    {
        if (_busy) return;
        var caller = _caller ?? await CurrentCaller.GetAsync();
        if (caller is null) return;
        _busy = true;
        try
        {
            var result = await Create.HandleAsync(caller, new CreateTicket(new NewTicketData
            {
                RequesterId = _requester?.Id ?? 0, CategoryId = _categoryId ?? 0, Subject = _subject, Description = _description,
                Impact = _impact, Urgency = _urgency, Channel = _channel,
                System = NeedsSystem ? _system.ToDetails() : null,
                CustomFields = _values.Where(v => _fields.Any(f => f.Key == v.Key)).ToDictionary(),
            }, AssignToSelf: _assignToMe));
            if (result.Succeeded)
            {
                Snackbar.Add(L["{0} created", result.Value!.DisplayNumber], Severity.Success);
                Nav.NavigateTo($"/tickets/{result.Value.Number}");
                return;
            }
            // What was typed stays in the form; each problem shows next to its field, and focus goes to the first.
            _fieldErrors = result.Error!.Fields;
            _error = result.Error.Message;
            _afterRender = FocusFirstErrorAsync;
        }
        finally { _busy = false; }
    }

    private async Task FocusFirstErrorAsync()
    {
        if (_shortcuts is not null) await _shortcuts.InvokeVoidAsync("focusFirstError", _root);
    }

    private void ClearError(string field)
    {
        if (!_fieldErrors.ContainsKey(field)) return;
        _fieldErrors = _fieldErrors.Where(e => e.Key != field).ToDictionary();
        if (_fieldErrors.Count == 0) _error = null;
    }

    public async ValueTask DisposeAsync()
    {
        _adminChanges?.Dispose();
        if (_shortcuts is null) return;
        try
        {
            await _shortcuts.InvokeVoidAsync("detach", _root);
            await _shortcuts.DisposeAsync();
        }
        catch (JSDisconnectedException) { /* the circuit is gone, and the page with it */ }
    }
}
