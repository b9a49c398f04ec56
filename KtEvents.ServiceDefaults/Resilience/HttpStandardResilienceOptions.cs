namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// Settings of the standard HttpClient pipeline, with the names and defaults of
/// Microsoft.Extensions.Http.Resilience: total timeout 30 s, 3 retries, circuit breaker, attempt
/// timeout 10 s. Bound from <c>HttpClient:Resilience</c> (e.g. <c>HttpClient__Resilience__Retry__MaxRetryAttempts</c>)
/// for every client; a client can change its own copy with <c>AddStandardResilienceHandler(configure)</c>.
/// </summary>
public sealed class HttpStandardResilienceOptions
{
    /// <summary>Configuration section bound for every client.</summary>
    public const string SectionName = "HttpClient:Resilience";

    /// <summary>Outermost: bounds the request with all its retries and backoff delays.</summary>
    public HttpTimeoutStrategyOptions TotalRequestTimeout { get; set; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Retry with exponential backoff and jitter.</summary>
    public HttpRetryStrategyOptions Retry { get; set; } = new();

    /// <summary>Circuit breaker, shared by all requests of one named client.</summary>
    public HttpCircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new();

    /// <summary>Innermost: bounds a single attempt.</summary>
    public HttpTimeoutStrategyOptions AttemptTimeout { get; set; } = new() { Timeout = TimeSpan.FromSeconds(10) };
}
