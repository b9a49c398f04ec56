using System.Net;
using System.Net.Http.Headers;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc.Client;

/// <summary>
/// What every client call shares, unary or streaming: its deadline, the HTTP/2 request, the checks on
/// the response headers, and turning a local failure (reset, dead connection, cancellation) into a status.
/// </summary>
internal static class ClientCalls
{
    private const string UserAgent = "grpc-dotnet-ktevents/1.0";

    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms (about 49 days); longer
    // deadlines are still sent, but not timed locally.
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The time left until the call's deadline, null if it has none; a passed deadline fails at once.</summary>
    public static TimeSpan? Timeout(CallOptions options)
    {
        if (options.Deadline is not { } deadline || deadline == DateTime.MaxValue)
        {
            return null;
        }

        var timeout = (deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline) - DateTime.UtcNow;
        return timeout > TimeSpan.Zero
            ? timeout
            : throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
    }

    public static CancellationTokenSource? StartDeadlineTimer(TimeSpan? timeout) =>
        timeout < MaxTimer ? new CancellationTokenSource(timeout.Value) : null;

    public static HttpRequestMessage CreateRequest(Uri uri, IMessage request, CallOptions options, TimeSpan? timeout, int? maxSendMessageSize)
    {
        var frame = new byte[MessageFraming.FramedSize(request, maxSendMessageSize)];
        MessageFraming.Write(request, frame);
        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);

        // HTTP/2 with prior knowledge: inside the system gRPC runs over cleartext, where no TLS
        // negotiation could upgrade the connection, so the request must demand exactly 2.0.
        var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = message.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.AcceptedEncodings);
        if (timeout is { } t)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(t));
        }

        foreach (var entry in options.Headers ?? [])
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                headers.TryAddWithoutValidation(entry.Key, entry.ToWireValue());
            }
        }

        return message;
    }

    /// <summary>
    /// Checks the response headers: an HTTP error (from a proxy) or a non-gRPC content-type is an
    /// <see cref="RpcException"/>; a Trailers-Only response is returned with its status, to be handled by the call kind.
    /// </summary>
    public static ResponseStart ReadResponseStart(HttpResponseMessage response, Metadata headers)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(StatusMapping.FromHttpStatus(response.StatusCode), headers);
        }

        // Trailers-Only: status, message and trailers in the one HEADERS frame, with no body.
        if (GrpcHeaders.ReadStatus(response.Headers) is { } trailersOnly)
        {
            return new ResponseStart(trailersOnly, null);
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}'."), headers);
        }

        var encoding = response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.ToString() : null;
        return new ResponseStart(null, encoding);
    }

    /// <summary>The status in the trailers, once the body has been read to its end.</summary>
    public static Status ReadTrailerStatus(HttpResponseMessage response) =>
        GrpcHeaders.ReadStatus(response.TrailingHeaders)
        ?? new Status(StatusCode.Internal, "Bad gRPC response: no grpc-status in the trailers.");

    public static RpcException ToRpcException(
        Exception e, Uri uri, bool cancelledByCaller, bool deadlineExceeded)
    {
        // The caller's own cancellation wins; then the deadline, which the spec says to report even
        // when the server's RST_STREAM or status raced it.
        if (cancelledByCaller)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.", e));
        }

        if (deadlineExceeded)
        {
            return new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded", e));
        }

        if (e is RpcException rpc)
        {
            return rpc;
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException reset)
            {
                return new RpcException(new Status(StatusMapping.FromHttp2ErrorCode(reset.ErrorCode), reset.Message, e));
            }
        }

        var code = e is HttpRequestException or IOException ? StatusCode.Unavailable : StatusCode.Internal;
        return new RpcException(new Status(code, $"Error calling {uri.GetLeftPart(UriPartial.Authority)}: {e.Message}", e));
    }
}

/// <summary>What the response headers said: a Trailers-Only status, or the encoding of the messages to come.</summary>
internal readonly record struct ResponseStart(Status? TrailersOnly, string? Encoding);
