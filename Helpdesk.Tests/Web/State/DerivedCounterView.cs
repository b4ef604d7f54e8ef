namespace Helpdesk.Tests.Web.State;

/// <summary>Its state is a private property of its base class, which reflection on this type alone would miss.</summary>
public sealed class DerivedCounterView : CounterView;
