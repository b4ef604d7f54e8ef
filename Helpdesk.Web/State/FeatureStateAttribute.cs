namespace Helpdesk.Web.State;

/// <summary>
/// Marks an immutable record as a feature state. Its parameterless constructor (which may be private) gives the
/// initial state of every new store.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureStateAttribute : Attribute;
