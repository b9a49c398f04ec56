using System.Diagnostics;

namespace KtEvents.Distribution.Telemetry;

/// <summary>
/// The Distribution service's spans, named "KtEvents.Distribution" so ServiceDefaults' <c>KtEvents.*</c>
/// listener exports them. The worker posts outside any request, so each attempt's span is parented on
/// the trace that asked for the posting (the approval's EventApproved, or the owner's 재시도), stored
/// with the channel row as Messaging's <see cref="Messaging.Diagnostics.TraceContext"/> strings: the
/// dashboard then shows one trace from 승인 to every channel's post and what Event and Analytics did
/// with its outcome.
/// </summary>
public static class DistributionTelemetry
{
    public const string Name = "KtEvents.Distribution";

    public static readonly ActivitySource Source = new(Name);
}
