namespace Helpdesk.Web.State;

/// <summary>Dispatched by the store when an effect throws, so a feature can show the failure.</summary>
/// <param name="Exception">What the effect threw.</param>
/// <param name="Action">The action the effect was handling.</param>
public sealed record EffectFailed(Exception Exception, object Action);
