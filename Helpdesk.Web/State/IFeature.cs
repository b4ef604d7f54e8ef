namespace Helpdesk.Web.State;

/// <summary>The store's untyped handle on one feature's current state.</summary>
internal interface IFeature : IStateChangedNotifier
{
    object State { get; set; }

    void NotifyStateChanged(ILogger logger);
}
