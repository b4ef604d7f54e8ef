namespace Helpdesk.Web.State;

/// <summary>A discovered <see cref="ReducerMethodAttribute"/> method, compiled to a delegate.</summary>
internal sealed record CompiledReducer(int FeatureIndex, Type ActionType, string Name, Func<object, object, object> Reduce);
