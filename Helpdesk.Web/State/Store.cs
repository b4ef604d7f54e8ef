namespace Helpdesk.Web.State;

/// <summary>
/// One circuit's store. Actions go through one queue: whichever thread finds the store idle drains it, so
/// reducers and StateChanged handlers never run concurrently or re-entrantly, whatever thread dispatches.
/// </summary>
internal sealed class Store(StoreCatalog catalog, IServiceProvider services, ILogger<Store> logger) : IStore
{
    private readonly IFeature[] _features = [.. Enumerable.Range(0, catalog.FeatureTypes.Count).Select(catalog.CreateFeature)];
    private readonly Queue<object> _queue = new();
    private readonly Lock _gate = new();
    private bool _draining;

    public IReadOnlyCollection<Type> FeatureStateTypes => [.. catalog.FeatureTypes];

    public TState GetState<TState>() => (TState)Feature(typeof(TState)).State;

    public IFeature Feature(Type stateType)
    {
        var index = catalog.IndexOf(stateType);
        return index >= 0 ? _features[index] : throw new InvalidOperationException($"{stateType.FullName} is not a [FeatureState].");
    }

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _queue.Enqueue(action);
            if (_draining) return;
            _draining = true;
        }
        try
        {
            while (true)
            {
                object next;
                lock (_gate)
                {
                    if (!_queue.TryDequeue(out next!))
                    {
                        _draining = false;
                        return;
                    }
                }
                Process(next);
            }
        }
        catch
        {
            // Process catches what actions can cause; this only keeps an unforeseen failure from wedging the queue.
            lock (_gate) _draining = false;
            throw;
        }
    }

    private void Process(object action)
    {
        var type = action.GetType();
        var reducers = catalog.ReducersFor(type);
        var next = reducers.Length == 0 ? [] : _features.Select(f => f.State).ToArray();
        try
        {
            foreach (var reducer in reducers)
                next[reducer.FeatureIndex] = reducer.Reduce(next[reducer.FeatureIndex], action)
                    ?? throw new InvalidOperationException($"{reducer.Name} returned null.");
        }
        catch (Exception ex)
        {
            // A reducer bug drops this one action (no state changes, no effects) but keeps the circuit's store alive.
            logger.LogError(ex, "A reducer failed on {Action}; the action was dropped.", type.Name);
            return;
        }

        var changed = new List<IFeature>();
        for (var i = 0; i < next.Length; i++)
        {
            if (ReferenceEquals(next[i], _features[i].State)) continue;
            _features[i].State = next[i];
            changed.Add(_features[i]);
        }
        foreach (var feature in changed) feature.NotifyStateChanged(logger);

        // Started, not awaited: their synchronous part runs here, seeing the state this action produced.
        foreach (var effect in catalog.EffectsFor(type)) _ = RunEffectAsync(effect, action);
    }

    private async Task RunEffectAsync(CompiledEffect effect, object action)
    {
        try
        {
            await effect.Handle(services.GetRequiredService(effect.EffectType), action, this);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Effect {Effect} failed on {Action}.", effect.Name, action.GetType().Name);
            // A handler of EffectFailed that fails again would loop forever.
            if (action is not EffectFailed) Dispatch(new EffectFailed(ex, action));
        }
    }
}
