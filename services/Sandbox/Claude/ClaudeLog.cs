namespace KtEvents.Sandbox.Claude;

/// <summary>The double's log lines; an API key appears only as its last four characters.</summary>
public static partial class ClaudeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Claude double: {Tool} call for key …{KeyEnd}, fault {Fault}, latency {LatencyMs} ms")]
    public static partial void Call(ILogger logger, ClaudeTool tool, string keyEnd, ClaudeFault fault, double latencyMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claude double: rejected a request for key …{KeyEnd}: {Reason}")]
    public static partial void Rejected(ILogger logger, string keyEnd, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claude double: scenario for key …{KeyEnd} {Change}")]
    public static partial void Scenario(ILogger logger, string keyEnd, string change);

    /// <summary>The last four characters of a secret, enough to tell tests' keys apart in a log.</summary>
    public static string KeyEnd(string apiKey) => apiKey.Length <= 4 ? "****" : apiKey[^4..];
}
