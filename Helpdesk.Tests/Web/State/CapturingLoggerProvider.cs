using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Web.State;

public sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, exception));

    public void Dispose() { }
}
