using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// Rejects settings Polly would refuse at the first request, and combinations that cannot work, so that
/// a bad <c>HttpClient:Resilience</c> value stops the service at start instead of at its first call.
/// </summary>
internal sealed class HttpStandardResilienceOptionsValidator : IValidateOptions<HttpStandardResilienceOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinCircuitWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, HttpStandardResilienceOptions options)
    {
        var failures = new List<string>();
        void Check(bool valid, string message)
        {
            if (!valid)
            {
                failures.Add($"{HttpStandardResilienceOptions.SectionName}: {message}");
            }
        }

        var total = options.TotalRequestTimeout.Timeout;
        var attempt = options.AttemptTimeout.Timeout;
        var retry = options.Retry;
        var breaker = options.CircuitBreaker;

        Check(total >= MinTimeout && total <= MaxDuration, "TotalRequestTimeout:Timeout must be between 10 ms and 1 day.");
        Check(attempt >= MinTimeout && attempt <= MaxDuration, "AttemptTimeout:Timeout must be between 10 ms and 1 day.");
        Check(attempt <= total, "AttemptTimeout:Timeout must not exceed TotalRequestTimeout:Timeout.");
        Check(retry.MaxRetryAttempts is >= 0 and <= 100, "Retry:MaxRetryAttempts must be between 0 and 100.");
        Check(retry.Delay >= TimeSpan.Zero && retry.Delay <= MaxDuration, "Retry:Delay must be between 0 and 1 day.");
        Check(retry.MaxDelay >= TimeSpan.Zero && retry.MaxDelay <= MaxDuration, "Retry:MaxDelay must be between 0 and 1 day.");
        Check(Enum.IsDefined(retry.BackoffType), "Retry:BackoffType must be Constant, Linear or Exponential.");
        Check(breaker.FailureRatio is > 0 and <= 1, "CircuitBreaker:FailureRatio must be above 0 and at most 1.");
        Check(breaker.MinimumThroughput >= 2, "CircuitBreaker:MinimumThroughput must be at least 2.");
        Check(breaker.SamplingDuration >= MinCircuitWindow && breaker.SamplingDuration <= MaxDuration,
            "CircuitBreaker:SamplingDuration must be between 500 ms and 1 day.");
        Check(breaker.BreakDuration >= MinCircuitWindow && breaker.BreakDuration <= MaxDuration,
            "CircuitBreaker:BreakDuration must be between 500 ms and 1 day.");
        // An attempt that times out must still fall inside the window that counts it as a failure.
        Check(breaker.SamplingDuration >= 2 * attempt,
            "CircuitBreaker:SamplingDuration must be at least twice AttemptTimeout:Timeout.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
