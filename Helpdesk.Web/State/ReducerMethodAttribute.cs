namespace Helpdesk.Web.State;

/// <summary>
/// Marks a pure static reducer <c>public static TState ReduceXxx(TState state, TAction action)</c>. It runs for
/// every dispatched action assignable to <c>TAction</c>; returning the same instance means "nothing changed".
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReducerMethodAttribute : Attribute;
