using System.IO.Compression;
using Google.Protobuf;
using KtEvents.Dashboard.Otlp.Proto;

namespace KtEvents.Dashboard.Tests.Infrastructure;

/// <summary>Hand-built OTLP requests, for what the SDK's exporter never sends (gzip, bad ids, garbage).</summary>
public static class OtlpMessages
{
    public static ExportTraceServiceRequest OneSpan(string service, byte[] traceId, byte[] spanId, string name = "work")
    {
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Name = name,
            Kind = Span.Types.SpanKind.Internal,
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + 5_000_000,
        };
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        var scope = new ScopeSpans();
        scope.Spans.Add(span);
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    public static byte[] Id(int length, byte fill) => Enumerable.Repeat(fill, length).ToArray();

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
