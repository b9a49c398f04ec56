using System.Net.Http.Headers;

namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>A gRPC response as it came off the wire: headers, body bytes and trailers, undecoded.</summary>
public sealed record RawResponse(HttpResponseMessage Message, byte[] Body)
{
    /// <summary>A header's raw value from the headers (Trailers-Only) or else the trailers.</summary>
    public string? Header(string name) =>
        Value(Message.Headers, name) ?? Value(Message.TrailingHeaders, name);

    public bool IsTrailersOnly => Value(Message.Headers, "grpc-status") is not null && Body.Length == 0;

    public static string? Value(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
