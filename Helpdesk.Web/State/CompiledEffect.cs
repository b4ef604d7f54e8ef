namespace Helpdesk.Web.State;

/// <summary>A discovered <see cref="EffectMethodAttribute"/> method, compiled to a delegate taking the effect instance.</summary>
internal sealed record CompiledEffect(Type EffectType, Type ActionType, string Name, Func<object, object, IDispatcher, Task> Handle);
