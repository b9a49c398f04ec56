using System.Globalization;
using System.Net.Http.Headers;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc.Client;

/// <summary>Reads a response's headers or trailers: the gRPC status, and the rest as metadata.</summary>
internal static class GrpcHeaders
{
    public static Status? ReadStatus(HttpHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues(GrpcProtocol.StatusHeader, out var statusValues))
        {
            return null;
        }

        var detail = headers.NonValidated.TryGetValues(GrpcProtocol.MessageHeader, out var messageValues)
            ? PercentEncoding.Decode(messageValues.ToString())
            : "";
        return int.TryParse(statusValues.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? new Status((StatusCode)code, detail)
            : new Status(StatusCode.Unknown, $"Bad gRPC response: grpc-status '{statusValues}'. {detail}");
    }

    public static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                metadata.AddFromWire(name, value);
            }
        }

        return metadata;
    }
}
