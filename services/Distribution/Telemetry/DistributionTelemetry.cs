using System.Diagnostics;

namespace KtEvents.Distribution.Telemetry;

/// <summary>
/// The Distribution service's spans, named "KtEvents.Distribution" so ServiceDefaults' <c>KtEvents.*</c>
/// listener exports them. The worker posts outside any request, so each attempt's span is parented on
/// the trace that asked for the posting (the approval's EventApproved, or the owner's 재시도): the
/// dashboard then shows one trace from 승인 to every channel's post and what Event and Analytics did
/// with its outcome.
/// </summary>
public static class DistributionTelemetry
{
    public const string Name = "KtEvents.Distribution";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The W3C trace context of the current span, stored with a channel row so its attempts join that trace.</summary>
    public static (string? TraceParent, string? TraceState) Capture() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>The parent stored by <see cref="Capture"/>; none (a new trace) when nothing or something unreadable was stored.</summary>
    public static ActivityContext Parse(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
}
