using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Web.State;

/// <summary>Registers the store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Finds the <see cref="FeatureStateAttribute"/> states, <see cref="ReducerMethodAttribute"/> reducers and
    /// <see cref="EffectMethodAttribute"/> effects in <paramref name="assemblies"/> once, and registers a scoped
    /// (per-circuit) <see cref="IStore"/>, <see cref="IDispatcher"/>, an <see cref="IState{TState}"/> per feature
    /// and every effect class.
    /// </summary>
    /// <exception cref="InvalidOperationException">A marked type or method does not have the expected shape.</exception>
    public static IServiceCollection AddHelpdeskStore(this IServiceCollection services, params Assembly[] assemblies)
    {
        if (assemblies.Length == 0) throw new ArgumentException("Give the assemblies that hold the features.", nameof(assemblies));
        var catalog = StoreCatalog.Discover(assemblies);

        services.AddLogging();
        services.AddSingleton(catalog);
        services.AddScoped<Store>();
        services.AddScoped<IStore>(sp => sp.GetRequiredService<Store>());
        services.AddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
        foreach (var stateType in catalog.FeatureTypes)
            services.AddScoped(typeof(IState<>).MakeGenericType(stateType), sp => sp.GetRequiredService<Store>().Feature(stateType));
        foreach (var effectType in catalog.EffectTypes) services.TryAddScoped(effectType);
        return services;
    }
}
