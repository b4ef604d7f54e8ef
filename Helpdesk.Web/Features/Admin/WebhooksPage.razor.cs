using Helpdesk.Core.Application;
using Helpdesk.Core.Integrations.Webhooks;
using MudBlazor;

namespace Helpdesk.Web.Features.Admin;

public partial class WebhooksPage
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private Caller? _caller;
    private IReadOnlyList<WebhookInfo>? _webhooks;
    private IReadOnlyList<DeliveryInfo>? _deliveries;
    private WebhookForm? _form;
    private int? _editing;
    private Dictionary<string, string> _errors = [];
    private readonly CancellationTokenSource _stop = new();

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentCaller.GetAsync();
        await ReloadAsync();
        _ = RefreshLoopAsync();
    }

    /// <summary>Deliveries change in the background (attempts, retries): the tables follow every few seconds while the page is open.</summary>
    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await InvokeAsync(async () =>
                {
                    await ReloadAsync();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException) { }
        catch (Exception ex) { await DispatchExceptionAsync(ex); }
    }

    private async Task ReloadAsync()
    {
        if (_caller is null) return;
        _webhooks = await Admin.ListAsync(_caller, _stop.Token);
        _deliveries = await Admin.RecentDeliveriesAsync(_caller, take: 50, ct: _stop.Token);
    }

    private void StartNew()
    {
        _editing = null;
        _errors = [];
        _form = new WebhookForm { Secret = WebhookSignature.NewSecret(), Events = WebhookEvents.TicketCreated | WebhookEvents.StatusChanged };
    }

    private async Task EditAsync(WebhookInfo webhook)
    {
        _editing = webhook.Id;
        _errors = [];
        _form = new WebhookForm
        {
            Url = webhook.Url, Description = webhook.Description, Events = webhook.Events, IsActive = webhook.IsActive,
            Secret = await Admin.SecretAsync(_caller!, webhook.Id),
        };
    }

    private void CancelForm()
    {
        _form = null;
        _editing = null;
        _errors = [];
    }

    private void Toggle(WebhookEvents e, bool on) => _form!.Events = on ? _form.Events | e : _form.Events & ~e;

    private async Task SaveAsync()
    {
        if (_caller is null || _form is null) return;
        var input = new WebhookInput(_form.Url, _form.Secret, _form.Events, _form.Description, _form.IsActive);
        var result = _editing is { } id ? await Admin.UpdateAsync(_caller, id, input) : await Admin.CreateAsync(_caller, input);
        if (result.Error is { } error)
        {
            _errors = error.Fields.ToDictionary(f => f.Key, f => string.Join(" ", f.Value));
            if (error.Kind != ErrorKind.Validation) Snackbar.Add(error.Message, Severity.Error);
            return;
        }
        Snackbar.Add(_editing is null ? L["Webhook added: new ticket events will be sent to it."] : L["Webhook saved."], Severity.Success);
        CancelForm();
        await ReloadAsync();
    }

    private async Task DeleteAsync(WebhookInfo webhook)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Delete this webhook?"],
            L["{0} will receive nothing more, and its delivery history is deleted.", webhook.Url], yesText: L["Delete"], cancelText: L["Cancel"]);
        if (confirmed != true || _caller is null) return;
        await Admin.DeleteAsync(_caller, webhook.Id);
        if (_editing == webhook.Id) CancelForm();
        await ReloadAsync();
    }

    private async Task RetryAsync(DeliveryInfo delivery)
    {
        if (_caller is null) return;
        if (await Admin.RetryAsync(_caller, delivery.Id)) Snackbar.Add(L["Delivery {0} will be tried again now.", delivery.Id], Severity.Info);
        await ReloadAsync();
    }

    private string EventLabel(WebhookEvents e) => e switch
    {
        WebhookEvents.TicketCreated => L["Ticket created"],
        WebhookEvents.StatusChanged => L["Status changed"],
        WebhookEvents.Assigned => L["Assigned"],
        WebhookEvents.Replied => L["Public reply"],
        WebhookEvents.SlaBreached => L["SLA breached"],
        _ => e.ToString(),
    };

    private string StatusLabel(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Succeeded => L["Delivered"],
        DeliveryStatus.Failed => L["Failed"],
        _ => L["Pending"],
    };

    private static Color StatusColor(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Succeeded => Color.Success,
        DeliveryStatus.Failed => Color.Error,
        _ => Color.Warning,
    };

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class WebhookForm
    {
        public string? Url { get; set; }
        public string? Description { get; set; }
        public string? Secret { get; set; }
        public WebhookEvents Events { get; set; }
        public bool IsActive { get; set; } = true;
    }
}
