using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>Every message the server logs, at every level, so a test can look for what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages
    {
        get { lock (messages) { return [.. messages]; } }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string message)
    {
        lock (messages)
        {
            messages.Add(message);
        }
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Add($"{category} {logLevel}: {formatter(state, exception)} {state}");
    }
}
