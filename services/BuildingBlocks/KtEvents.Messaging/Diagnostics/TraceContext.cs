using System.Diagnostics;

namespace KtEvents.Messaging.Diagnostics;

/// <summary>
/// W3C trace context as the strings that travel in the outbox row and in AMQP headers, and that a
/// service stores with work it does later outside any request (Distribution's channel rows). Written
/// directly rather than through <see cref="DistributedContextPropagator.Current"/>, whose default
/// differs between runtimes (Request-Id vs traceparent); a consumer must always find <c>traceparent</c>.
/// </summary>
public static class TraceContext
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static (string? TraceParent, string? TraceState) Capture(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C }
            ? (activity.Id, activity.TraceStateString)
            : (null, null);

    public static ActivityContext Parse(string? traceParent, string? traceState) =>
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
}
