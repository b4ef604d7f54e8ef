namespace Helpdesk.Web.State;

/// <summary>
/// Marks an effect <c>public Task HandleXxx(TAction action, IDispatcher dispatcher)</c>: an instance method of a
/// class resolved from the circuit's services, so it can inject Core services. It starts after the reducers
/// ran and is not awaited by the dispatcher; it reports results by dispatching actions. If it throws, the
/// store logs the exception and dispatches <see cref="EffectFailed"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class EffectMethodAttribute : Attribute;
