using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Helpdesk.Web.State;

/// <summary>
/// What reflection found once at start-up: the feature states and the compiled reducers and effects, with a
/// cache of which of them apply to each concrete action type. A singleton shared by every circuit's store.
/// </summary>
internal sealed class StoreCatalog
{
    private const BindingFlags AllMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private readonly Type[] _featureTypes;
    private readonly Func<IFeature>[] _featureFactories;
    private readonly CompiledReducer[] _reducers;
    private readonly CompiledEffect[] _effects;
    private readonly ConcurrentDictionary<Type, CompiledReducer[]> _reducersByAction = new();
    private readonly ConcurrentDictionary<Type, CompiledEffect[]> _effectsByAction = new();

    private StoreCatalog(Type[] featureTypes, CompiledReducer[] reducers, CompiledEffect[] effects)
    {
        _featureTypes = featureTypes;
        _featureFactories = [.. featureTypes.Select(CompileFeatureFactory)];
        _reducers = reducers;
        _effects = effects;
    }

    public IReadOnlyList<Type> FeatureTypes => _featureTypes;

    public int IndexOf(Type stateType) => Array.IndexOf(_featureTypes, stateType);

    public IEnumerable<Type> EffectTypes => _effects.Select(e => e.EffectType).Distinct();

    /// <summary>A fresh feature holding the initial state, for a new store.</summary>
    public IFeature CreateFeature(int index) => _featureFactories[index]();

    // Matched like Fluxor's `action is TAction`, so a reducer for a base type sees derived actions too.
    public CompiledReducer[] ReducersFor(Type actionType) =>
        _reducersByAction.GetOrAdd(actionType, t => [.. _reducers.Where(r => t.IsAssignableTo(r.ActionType))]);

    public CompiledEffect[] EffectsFor(Type actionType) =>
        _effectsByAction.GetOrAdd(actionType, t => [.. _effects.Where(e => t.IsAssignableTo(e.ActionType))]);

    public static StoreCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        var types = assemblies.Distinct().SelectMany(a => a.GetTypes()).ToArray();
        var features = types.Where(t => t.IsDefined(typeof(FeatureStateAttribute), false))
            .Select(CheckFeature).OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        var methods = types.SelectMany(t => t.GetMethods(AllMethods)).ToArray();
        var reducers = methods.Where(m => m.IsDefined(typeof(ReducerMethodAttribute), false))
            .Select(m => CompileReducer(m, features)).ToArray();
        var effects = methods.Where(m => m.IsDefined(typeof(EffectMethodAttribute), false))
            .Select(CompileEffect).ToArray();
        return new StoreCatalog(features, reducers, effects);
    }

    private static Type CheckFeature(Type type) =>
        type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters && ParameterlessConstructor(type) is not null
            ? type
            : throw new InvalidOperationException(
                $"[FeatureState] {type.FullName} must be a non-abstract, non-generic record or class with a parameterless constructor.");

    private static ConstructorInfo? ParameterlessConstructor(Type type) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);

    // new Feature<TState>(new TState()), compiled once so a new circuit's store costs no reflection.
    private static Func<IFeature> CompileFeatureFactory(Type stateType)
    {
        var feature = typeof(Feature<>).MakeGenericType(stateType).GetConstructor([stateType])!;
        return Expression.Lambda<Func<IFeature>>(Expression.New(feature, Expression.New(ParameterlessConstructor(stateType)!))).Compile();
    }

    private static CompiledReducer CompileReducer(MethodInfo method, Type[] features)
    {
        var name = $"{method.DeclaringType?.FullName}.{method.Name}";
        var parameters = method.GetParameters();
        if (!method.IsStatic || method.ContainsGenericParameters || parameters.Length != 2
            || parameters[0].ParameterType != method.ReturnType)
            throw new InvalidOperationException($"[ReducerMethod] {name} must be `static TState Reduce(TState state, TAction action)`.");
        var index = Array.IndexOf(features, method.ReturnType);
        if (index < 0)
            throw new InvalidOperationException($"[ReducerMethod] {name} reduces {method.ReturnType.FullName}, which is not a [FeatureState].");

        var state = Expression.Parameter(typeof(object), "state");
        var action = Expression.Parameter(typeof(object), "action");
        var call = Expression.Call(method,
            Expression.Convert(state, parameters[0].ParameterType), Expression.Convert(action, parameters[1].ParameterType));
        var reduce = Expression.Lambda<Func<object, object, object>>(call, state, action).Compile();
        return new CompiledReducer(index, parameters[1].ParameterType, name, reduce);
    }

    private static CompiledEffect CompileEffect(MethodInfo method)
    {
        var type = method.DeclaringType!;
        var name = $"{type.FullName}.{method.Name}";
        var parameters = method.GetParameters();
        if (method.IsStatic || type.IsAbstract || type.ContainsGenericParameters || method.ContainsGenericParameters
            || method.ReturnType != typeof(Task) || parameters.Length != 2 || parameters[1].ParameterType != typeof(IDispatcher))
            throw new InvalidOperationException(
                $"[EffectMethod] {name} must be an instance method `Task Handle(TAction action, IDispatcher dispatcher)` of a concrete class.");

        var instance = Expression.Parameter(typeof(object), "effects");
        var action = Expression.Parameter(typeof(object), "action");
        var dispatcher = Expression.Parameter(typeof(IDispatcher), "dispatcher");
        var call = Expression.Call(Expression.Convert(instance, type), method,
            Expression.Convert(action, parameters[0].ParameterType), dispatcher);
        var handle = Expression.Lambda<Func<object, object, IDispatcher, Task>>(call, instance, action, dispatcher).Compile();
        return new CompiledEffect(type, parameters[0].ParameterType, name, handle);
    }
}
