using System.Collections.Concurrent;

namespace Helpdesk.Tests.Web.State;

/// <summary>A service the effects inject, so a test can see what they received and what state they saw.</summary>
public sealed class EffectRecorder
{
    public ConcurrentQueue<(object Action, CounterState StateSeen)> Received { get; } = new();
}
