using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using KtEvents.Dashboard.Otlp.Proto;
using KtEvents.Dashboard.Telemetry;

namespace KtEvents.Dashboard.Otlp;

/// <summary>Turns OTLP wire values into the store's plain types: hex ids, times, display strings.</summary>
internal static class OtlpValues
{
    public const string UnknownService = "unknown_service";

    /// <summary>Lower-case hex, or null for an absent or all-zero id (which OTLP defines as invalid).</summary>
    public static string? ToHex(ByteString id)
    {
        var bytes = id.Span;
        return bytes.IsEmpty || !bytes.ContainsAnyExcept((byte)0) ? null : Convert.ToHexStringLower(bytes);
    }

    /// <summary>OTLP times are nanoseconds since the Unix epoch; a tick is 100 ns.</summary>
    public static DateTimeOffset ToTime(ulong unixNano) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNano / 100));

    /// <summary>The resource's <c>service.name</c>; the SDKs always set one, so the fallback is the spec's own default.</summary>
    public static string ServiceName(Resource? resource)
    {
        var name = resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue;
        return string.IsNullOrEmpty(name) ? UnknownService : name;
    }

    public static IReadOnlyList<TelemetryAttribute> Attributes(RepeatedField<KeyValue> attributes) =>
        attributes.Select(a => new TelemetryAttribute(a.Key, Format(a.Value))).ToList();

    public static string Format(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Format)) + "]",
        AnyValue.ValueOneofCase.KvlistValue =>
            "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => kv.Key + ": " + Format(kv.Value))) + "}",
        _ => "",
    };
}
