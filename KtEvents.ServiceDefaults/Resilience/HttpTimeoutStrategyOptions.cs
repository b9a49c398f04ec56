namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>A timeout, either for the whole request with its retries or for one attempt.</summary>
public sealed class HttpTimeoutStrategyOptions
{
    /// <summary>How long to wait before giving up with a <c>TimeoutRejectedException</c>.</summary>
    public TimeSpan Timeout { get; set; }
}
