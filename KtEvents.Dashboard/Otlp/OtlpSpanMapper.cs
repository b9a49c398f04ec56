using System.Diagnostics;
using KtEvents.Dashboard.Otlp.Proto;
using KtEvents.Dashboard.Telemetry;

namespace KtEvents.Dashboard.Otlp;

/// <summary>Flattens an OTLP trace export (resource → scope → span) into stored spans.</summary>
internal static class OtlpSpanMapper
{
    /// <summary>Spans without a valid trace or span id cannot be placed in any trace, so they are counted as rejected.</summary>
    public static (List<StoredSpan> Spans, int Rejected) Map(ExportTraceServiceRequest request)
    {
        var spans = new List<StoredSpan>();
        var rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = OtlpValues.ServiceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    var traceId = OtlpValues.ToHex(span.TraceId);
                    var spanId = OtlpValues.ToHex(span.SpanId);
                    if (traceId is null || spanId is null)
                    {
                        rejected++;
                        continue;
                    }

                    var start = OtlpValues.ToTime(span.StartTimeUnixNano);
                    var end = OtlpValues.ToTime(span.EndTimeUnixNano);
                    spans.Add(new StoredSpan(
                        traceId,
                        spanId,
                        OtlpValues.ToHex(span.ParentSpanId),
                        span.Name,
                        ToKind(span.Kind),
                        service,
                        scope,
                        start,
                        end < start ? start : end,
                        span.Status?.Code == Status.Types.StatusCode.Error,
                        string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
                        OtlpValues.Attributes(span.Attributes),
                        span.Events.Select(e => new SpanEvent(
                            e.Name, OtlpValues.ToTime(e.TimeUnixNano), OtlpValues.Attributes(e.Attributes))).ToList()));
                }
            }
        }

        return (spans, rejected);
    }

    /// <summary>The spec lets receivers read UNSPECIFIED as INTERNAL.</summary>
    private static ActivityKind ToKind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => ActivityKind.Server,
        Span.Types.SpanKind.Client => ActivityKind.Client,
        Span.Types.SpanKind.Producer => ActivityKind.Producer,
        Span.Types.SpanKind.Consumer => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };
}
