using System.Collections.Concurrent;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// Builds one pipeline per named client and keeps it for the life of the process. HttpClientFactory
/// recreates handlers every couple of minutes; the circuit breaker's state must outlive them.
/// </summary>
internal sealed class HttpResiliencePipelineProvider(
    IOptionsMonitor<HttpStandardResilienceOptions> optionsMonitor,
    TimeProvider timeProvider,
    ILogger<HttpResiliencePipelineProvider> logger)
{
    /// <summary>Set per request: false when the body cannot be sent twice.</summary>
    public static readonly ResiliencePropertyKey<bool> RetryAllowed = new("KtEvents.Resilience.RetryAllowed");

    private readonly ConcurrentDictionary<string, Lazy<ResiliencePipeline<HttpResponseMessage>>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> GetPipeline(string clientName) =>
        _pipelines.GetOrAdd(clientName, name => new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => Build(name))).Value;

    private ResiliencePipeline<HttpResponseMessage> Build(string clientName)
    {
        var options = optionsMonitor.Get(clientName);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = clientName,
            TimeProvider = timeProvider,
        };

        // Order is outermost first: total timeout > retry > circuit breaker > attempt timeout. The
        // breaker sits inside the retry so that every attempt counts, and an open circuit ends the
        // retries at once (BrokenCircuitException is not transient).
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "TotalRequestTimeout",
            Timeout = options.TotalRequestTimeout.Timeout,
        });

        if (options.Retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(clientName, options.Retry));
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "CircuitBreaker",
            FailureRatio = options.CircuitBreaker.FailureRatio,
            MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
            SamplingDuration = options.CircuitBreaker.SamplingDuration,
            BreakDuration = options.CircuitBreaker.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(HttpResiliencePredicates.IsTransient(args.Outcome)),
            OnOpened = args =>
            {
                ResilienceLog.CircuitOpened(logger, clientName, args.BreakDuration, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                ResilienceLog.CircuitClosed(logger, clientName);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",
            Timeout = options.AttemptTimeout.Timeout,
        });

        return builder.Build();
    }

    private RetryStrategyOptions<HttpResponseMessage> CreateRetry(string clientName, HttpRetryStrategyOptions retry) => new()
    {
        Name = "Retry",
        MaxRetryAttempts = retry.MaxRetryAttempts,
        Delay = retry.Delay,
        MaxDelay = retry.MaxDelay,
        BackoffType = retry.BackoffType,
        UseJitter = retry.UseJitter,
        ShouldHandle = args => ValueTask.FromResult(
            args.Context.Properties.GetValue(RetryAllowed, true) && HttpResiliencePredicates.IsTransient(args.Outcome)),
        // Returning null keeps the computed backoff; the server's own estimate wins when it gave one.
        DelayGenerator = args => ValueTask.FromResult(
            retry.ShouldRetryAfterHeader && args.Outcome.Result is { } response
                ? HttpResiliencePredicates.RetryAfter(response, timeProvider)
                : null),
        OnRetry = args =>
        {
            ResilienceLog.Retrying(logger, clientName, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    // Exception messages may carry URLs with query strings; the type and status are enough to act on.
    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name
            : $"HTTP {(int?)outcome.Result?.StatusCode}";
}
