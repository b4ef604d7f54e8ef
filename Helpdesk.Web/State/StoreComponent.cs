using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Web.State;

/// <summary>
/// A component that re-renders when any of its <see cref="IState{TState}"/> properties (usually injected)
/// changes, like Fluxor's <c>FluxorComponent</c>. Subscribes before the first parameters are set, marshals
/// rendering with <c>InvokeAsync</c> and unsubscribes on <see cref="Dispose()"/>.
/// </summary>
public abstract class StoreComponent : ComponentBase, IDisposable
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StatePropertiesByType = new();
    private IStateChangedNotifier[] _subscriptions = [];
    private bool _subscribed;
    private volatile bool _disposed;

    /// <inheritdoc />
    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (!_subscribed && !_disposed)
        {
            _subscribed = true;
            _subscriptions = [.. StatePropertiesOf(GetType()).Select(p => p.GetValue(this)).OfType<IStateChangedNotifier>()];
            foreach (var state in _subscriptions) state.StateChanged += OnStateChanged;
        }
        return base.SetParametersAsync(parameters);
    }

    /// <summary>Stops listening to state changes. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Override to release the derived component's own resources; call the base method.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var state in _subscriptions) state.StateChanged -= OnStateChanged;
        _subscriptions = [];
    }

    // Raised on whichever thread drained the store; the event snapshot may still call us just after Dispose.
    private void OnStateChanged(object? sender, EventArgs e) => _ = RenderAsync();

    private async Task RenderAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                if (!_disposed) StateHasChanged();
            });
        }
        catch (Exception ex) when (!_disposed)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    // Private properties of base classes are not returned for the derived type, so walk the hierarchy.
    private static PropertyInfo[] StatePropertiesOf(Type type) => StatePropertiesByType.GetOrAdd(type, static t =>
    {
        var found = new List<PropertyInfo>();
        for (var current = t; current is not null && current != typeof(StoreComponent); current = current.BaseType)
            found.AddRange(current.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.PropertyType.IsAssignableTo(typeof(IStateChangedNotifier))));
        return [.. found];
    });
}
