using System.Net;
using System.Net.Http.Json;

using Polly;
using Polly.Timeout;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>What counts as transient, which requests may be sent again, and how long the server asked us to wait.</summary>
internal static class HttpResiliencePredicates
{
    /// <summary>
    /// Connection failures, attempt timeouts, 5xx, 408 and 429. A gRPC error travels as HTTP 200 with a
    /// <c>grpc-status</c> trailer, so it is never treated as transient here; the gRPC client decides.
    /// Cancellation by the caller is an <see cref="OperationCanceledException"/> and is not handled.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>
    /// True when the request body can be written again for a retry. Buffered contents (strings, bytes,
    /// forms, JSON values) can; a stream may already be consumed, and an unknown content type may
    /// push data that exists once, so those requests are sent a single time.
    /// </summary>
    public static bool IsReplayable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent or JsonContent => true,
        MultipartContent multipart => multipart.All(IsReplayable),
        _ => false,
    };

    /// <summary>The delay requested by a <c>Retry-After</c> header, as delta seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
